using BenchmarkDotNet.Attributes;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Benchmarks;

/// <summary>
/// Full scoring of one million leads (about 20 million activities, 40 criteria) with the compiled
/// batch scorer. The plain LINQ scorer is compared in <see cref="BaselineBenchmarks"/>, on fewer
/// leads, because a million leads held as objects would not fit the 2 GB budget.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private BatchScorer _compiled = null!;

    [Params(1_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup() => _compiled = new BatchScorer(BenchmarkData.FortyCriteria(), BenchmarkData.Batch(Leads));

    [Benchmark]
    public BatchScores Compiled() => _compiled.Score(BenchmarkData.AsOf);
}

/// <summary>Compiled batch scoring against the plain LINQ single-lead scorer on the same leads and model.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private List<Lead> _leads = null!;
    private ScoringModel _model = null!;
    private BatchScorer _compiled = null!;

    [Params(100_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _leads = BenchmarkData.Leads(Leads).ToList();
        _model = BenchmarkData.FortyCriteria();
        _compiled = new BatchScorer(_model, LeadBatch.From(_leads));
    }

    [Benchmark(Baseline = true)]
    public int Linq()
    {
        var scorer = new LeadScorer(_model);
        return _leads.Sum(lead => scorer.Score(lead, BenchmarkData.AsOf).Total);
    }

    [Benchmark]
    public BatchScores Compiled() => _compiled.Score(BenchmarkData.AsOf);
}

/// <summary>One criterion's points changed, 100,000 leads re-added into cells and fit/engagement pairs.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class WhatIfBenchmarks
{
    private WhatIfScorer _whatIf = null!;
    private int _points = 10;

    [GlobalSetup]
    public void Setup() => _whatIf = new WhatIfScorer(BenchmarkData.FortyCriteria(), BenchmarkData.Batch(100_000), BenchmarkData.AsOf);

    [Benchmark]
    public int[] ChangePricingPagePoints() =>
        _whatIf.TryScore(_whatIf.Model.WithCriterionPoints("pricing-page", _points = _points == 10 ? 15 : 10))!
            .CellCounts();
}
