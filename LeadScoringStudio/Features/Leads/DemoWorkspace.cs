using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Hosting;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Features.Leads;

/// <summary>
/// The generated demo leads scored by the starter model, made once when first asked for and shared
/// read-only by every circuit. (Stored workspaces replace this with the database in a later step.)
/// </summary>
public sealed class DemoWorkspace(IOptions<DemoOptions> options, TimeProvider time)
{
    private static readonly ScoringModel Starter = StarterModel.Create();
    private readonly Lazy<IReadOnlyList<ScoredLead>> _leads = new(() => Build(Starter, options.Value, time.GetUtcNow()));

    public ScoringModel Model => Starter;

    public IReadOnlyList<ScoredLead> Leads => _leads.Value;

    private static IReadOnlyList<ScoredLead> Build(ScoringModel model, DemoOptions options, DateTimeOffset asOf)
    {
        var scorer = new LeadScorer(model);
        return new DemoDataGenerator(options.Seed, asOf)
            .GenerateMany(options.LeadCount)
            .Select(g => new ScoredLead(g.Lead, scorer.Score(g.Lead, asOf)))
            .OrderByDescending(l => l.Score.IsMql)
            .ThenBy(l => l.Score.Action.Priority)
            .ThenByDescending(l => l.Score.Total)
            .ToList();
    }
}

/// <summary>A lead with its score.</summary>
public sealed record ScoredLead(Lead Lead, LeadScore Score);
