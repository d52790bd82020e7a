package dev.truss.adapters.http.routes;

import dev.truss.adapters.http.Access;
import dev.truss.adapters.http.Requests;
import dev.truss.application.TrussCore;
import dev.truss.application.profile.UpdateProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The logged-in creator's own profile. */
public final class ProfileRoutes implements RouteGroup {

    record ProfileChange(String displayName) {
        ProfileChange {
            if (displayName == null) {
                throw new IllegalArgumentException("displayName is required");
            }
        }
    }

    private final TrussCore core;

    public ProfileRoutes(TrussCore core) {
        this.core = core;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/profile", this::get, Access.CREATOR);
        routes.patch("/api/profile", this::update, Access.CREATOR);
    }

    private void get(Context ctx) {
        ctx.json(Views.Profile.of(Requests.value(core.getProfile().execute(Requests.creator(ctx)))));
    }

    private void update(Context ctx) {
        ProfileChange change = Requests.body(ctx, ProfileChange.class);
        ctx.json(Views.Profile.of(Requests.value(core.updateProfile().execute(
                new UpdateProfile.Command(Requests.creator(ctx), change.displayName())))));
    }
}
