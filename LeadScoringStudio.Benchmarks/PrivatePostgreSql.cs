using System.Diagnostics;
using Npgsql;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// A PostgreSQL server for a benchmark: the one <c>STUDIO_TEST_POSTGRESQL</c> names when it answers, else Debian's
/// server (apt's <c>postgresql</c>) started as a private cluster in a temp folder on a loopback port, as the postgres
/// user when run as root, and stopped and removed again on dispose. Each benchmark gets a database of its own.
/// </summary>
internal sealed class PrivatePostgreSql : IAsyncDisposable
{
    private const int Port = 54331;
    private readonly string? _folder;
    private readonly string? _binaries;

    private PrivatePostgreSql(string server, string? folder, string? binaries)
    {
        Server = server;
        _folder = folder;
        _binaries = binaries;
    }

    /// <summary>The server's connection string, without a database.</summary>
    public string Server { get; }

    public static async Task<PrivatePostgreSql> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("STUDIO_TEST_POSTGRESQL") is { Length: > 0 } given
            && await AnswersAsync(given))
        {
            return new PrivatePostgreSql(given, null, null);
        }

        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("No PostgreSQL server: install Debian's (apt-get install postgresql) " +
                "or name one in STUDIO_TEST_POSTGRESQL.");
        }

        var folder = Directory.CreateTempSubdirectory("lss-big-pg.").FullName;
        if (IsRoot)
        {
            Run("chown", $"postgres {folder}", asPostgres: false);
        }

        Run(Path.Combine(binaries, "initdb"), $"-D {folder}/data -U postgres --auth=trust -E UTF8", asPostgres: true);
        Run(Path.Combine(binaries, "pg_ctl"), $"-D {folder}/data -l {folder}/server.log -w start " +
            $"-o \"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100\"", asPostgres: true);
        return new PrivatePostgreSql($"Host=127.0.0.1;Port={Port};Username=postgres", folder, binaries);
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return $"{Server};Database={name};Command Timeout=600";
    }

    public ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Run(Path.Combine(_binaries!, "pg_ctl"), $"-D {_folder}/data -m fast stop", asPostgres: true);
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AnswersAsync(string server)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>PostgreSQL refuses to run as root: then its programs run as the postgres user.</summary>
    private static bool IsRoot => Environment.UserName == "root";

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed: {errors}{output.Result}");
        }
    }
}
