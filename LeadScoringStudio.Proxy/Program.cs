namespace LeadScoringStudio.Proxy;

internal static class ProxyProgram
{
    private static void Main(string[] args) => StudioProxy.Build(args).Run();
}
