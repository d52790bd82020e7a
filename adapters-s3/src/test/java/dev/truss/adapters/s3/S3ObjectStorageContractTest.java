package dev.truss.adapters.s3;

import dev.truss.application.contract.ObjectStorageContract;
import dev.truss.application.port.ObjectStorage;
import dev.truss.application.port.ObjectStorage.PresignedUpload;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The ObjectStorage contract on a real S3 server (embedded S3Proxy), the client's side played over plain HTTP. */
class S3ObjectStorageContractTest extends ObjectStorageContract {

    @TempDir
    static Path s3Directory;

    private static EmbeddedS3 s3;
    private static S3ObjectStorage storage;

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.start(s3Directory, "truss-contract", 0, List.of());
        storage = new S3ObjectStorage(s3.settings());
    }

    @AfterAll
    static void stopS3() {
        storage.close();
        s3.close();
    }

    @Override
    protected ObjectStorage newStorage() {
        return storage;
    }

    @Override
    protected void clientPuts(PresignedUpload upload, byte[] bytes, String contentType) throws Exception {
        Browser.ok(Browser.put(upload.url(), headersWithContentType(upload, contentType), bytes));
    }

    @Override
    protected byte[] clientGets(URI url) throws Exception {
        return Browser.ok(Browser.get(url)).body();
    }
}
