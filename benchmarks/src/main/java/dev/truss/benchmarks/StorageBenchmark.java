package dev.truss.benchmarks;

import dev.truss.adapters.dynamodb.DynamoDbSettings;
import dev.truss.adapters.dynamodb.DynamoDbTable;
import dev.truss.adapters.dynamodb.Dynalite;
import dev.truss.adapters.dynamodb.RequestCounter;
import dev.truss.adapters.sqlite.SqliteSettings;
import dev.truss.adapters.sqlite.SqliteTable;
import dev.truss.singletable.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Does a page of clips cost the same for a creator with 50,000 clips as for one with 100? Fills
 * both on each backend, then times the first and a deep page of "clips, newest first" and "top
 * clips by score", and prints the ratios (large / small) and the requests each page made.
 */
@Command(name = "storage-benchmark", mixinStandardHelpOptions = true,
        description = "Times pages of clips for a small and a large creator on SQLite and DynamoDB (dynalite).")
public final class StorageBenchmark implements Callable<Integer> {

    @Option(names = "--small", description = "clips of the small creator (default ${DEFAULT-VALUE})")
    int smallClips = 100;

    @Option(names = "--large", description = "clips of the large creator (default ${DEFAULT-VALUE})")
    int largeClips = 50_000;

    @Option(names = "--page-size", description = "clips per page (default ${DEFAULT-VALUE})")
    int pageSize = 20;

    @Option(names = "--deep-page", description = "the deep page of the large creator timed (default ${DEFAULT-VALUE})")
    int deepPage = 100;

    @Option(names = "--repeats", description = "timed reads per figure, after as many warm-up reads (default ${DEFAULT-VALUE})")
    int repeats = 200;

    @Option(names = "--backends", split = ",", description = "sqlite, dynamodb (default ${DEFAULT-VALUE})")
    List<String> backends = List.of("sqlite", "dynamodb");

    @Option(names = "--shards", split = ",", description = "clip shard counts to run with (default ${DEFAULT-VALUE})")
    List<Integer> shards = List.of(1, 4);

    public static void main(String[] args) {
        int exit = new CommandLine(new StorageBenchmark()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        ClipPagesRun run = new ClipPagesRun(smallClips, largeClips, pageSize, deepPage, repeats);
        List<ClipPagesRun.Row> rows = new ArrayList<>();
        for (String backend : backends) {
            for (int shardCount : shards) {
                rows.addAll(runOn(backend, shardCount, run));
            }
        }
        System.out.println();
        System.out.println(ClipPagesRun.report(rows));
        return 0;
    }

    private List<ClipPagesRun.Row> runOn(String backend, int shardCount, ClipPagesRun run) throws IOException {
        switch (backend) {
            case "sqlite": {
                try (SqliteTable table = SqliteTable.open(SqliteSettings.in(Files.createTempDirectory("truss-bench-")))) {
                    return run.on("SQLite", table, shardCount, () -> -1);
                }
            }
            case "dynamodb": {
                DynamoDbSettings settings = Dynalite.freshTable();
                RequestCounter http = new RequestCounter();
                try (DynamoDbClient client = Dynalite.clients(settings).withRequestCounter(http).create()) {
                    Table table = new DynamoDbTable(client, settings.tableName());
                    return run.on("DynamoDB (dynalite)", table, shardCount, http::total);
                }
            }
            default:
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown backend " + backend);
        }
    }
}
