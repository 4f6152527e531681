using BenchmarkDotNet.Running;
using LeadScoringStudio.Benchmarks;

if (args is ["--peak", ..])
{
    PeakMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
}
