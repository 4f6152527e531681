namespace LeadScoringStudio.Hosting;

/// <summary>This server among several on one database: how events it sends and leases it holds name it.</summary>
public sealed class ServerIdentity
{
    public string Name { get; } =
        $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}-{Environment.ProcessId}-" +
        $"{Guid.NewGuid():N}";
}
