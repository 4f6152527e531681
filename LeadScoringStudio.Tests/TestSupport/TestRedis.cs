namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>The Redis server tests may use for events between servers: <c>STUDIO_TEST_REDIS</c> (host:port;
/// <c>.ci/run</c> starts one and sets it).</summary>
public static class TestRedis
{
    public const string Variable = "STUDIO_TEST_REDIS";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : null;

    public static string SkipReason =>
        $"No Redis server for tests: {Variable} is not set (bash .ci/run starts one and sets it).";
}
