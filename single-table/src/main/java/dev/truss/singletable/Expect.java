package dev.truss.singletable;

/** The condition a put is made under; a write whose condition fails changes nothing. */
public sealed interface Expect {

    /** Write whatever is stored. */
    record Anything() implements Expect {
    }

    /** Write only if no item has this key. */
    record Absent() implements Expect {
    }

    /** Write only over an item with this key: a replacement that must not bring back a deleted item. */
    record Present() implements Expect {
    }

    /** Write only if the stored item has this {@link Attributes#VERSION}. */
    record Version(long version) implements Expect {
    }

    static Expect anything() {
        return new Anything();
    }

    static Expect absent() {
        return new Absent();
    }

    static Expect present() {
        return new Present();
    }

    static Expect version(long version) {
        return new Version(version);
    }
}
