using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Tuning;
using LeadScoringStudio.Tests.TestSupport;

namespace LeadScoringStudio.Tests.Core.Tuning;

/// <summary>The demo generator's 5,000 leads (four in five with a known outcome), split by time as the app splits
/// them.</summary>
public class ModelFromDataTests
{
    private static readonly ScoringModel Starter = StarterModel.Create();
    private static readonly TuningData Data = Generate(5000);
    private static readonly ProposedModel Proposed = ModelFromData.Propose(Starter, Data,
        Starter.Fields.Select(f => CatalogField.Guess(f.Name, f.Type, f.Label)).ToList());

    private static Suggestion Proposal => Proposed.Suggestion;

    [Fact]
    public void A_model_built_from_the_data_ranks_later_leads_better_than_the_hand_made_starter_model()
    {
        var built = Proposed.Model;

        var starter = Proposal.Judge("starter", Starter).Auc;
        var proposed = Proposal.Judge("proposed", built).Auc;

        Assert.StartsWith("time-ordered", Proposal.Split.Description);
        Assert.True(proposed > starter, $"proposed {proposed:0.000} against the starter model's {starter:0.000}");
    }

    [Fact]
    public void It_keeps_actions_disqualifiers_and_recycling_and_leaves_out_what_the_fit_cannot_weigh()
    {
        var built = Proposed.Model;

        Assert.Equal((Starter.Disqualifiers, Starter.Recycling), (built.Disqualifiers, built.Recycling));
        foreach (var cell in Cell.All)
        {
            // A cell the proposal made MQL goes to sales with a response time; every other keeps its action.
            var action = built.ActionFor(cell);
            if (built.MqlCells.Contains(cell))
            {
                Assert.True(action is { Route: Route.Sales or Route.SalesNow, SlaHours: not null },
                    $"{cell}: {action}");
            }
            else
            {
                Assert.Equal(Starter.ActionFor(cell), action);
            }
        }

        Assert.Null(built.Inactivity);
        Assert.Null(built.Completeness);
        Assert.Contains(built.Criteria, c => c is ActivityCriterion { LookbackDays: Signals.ActivityLookbackDays,
            MaxOccurrences: 1 });
        Assert.Empty(ModelValidator.Validate(built));
    }

    [Fact]
    public void It_keeps_the_signals_the_data_supports_not_every_level_it_has_points_for()
    {
        var withPoints = Proposal.Candidates.Count(c => c.Suggested is not null);
        var chosen = ModelFromData.Chosen(Proposal);

        Assert.InRange(chosen.Count, 1, withPoints - 1);
        Assert.All(Proposal.Candidates.Where(c => chosen.Contains(c.Key)),
            c => Assert.True(Math.Abs(c.Effect) >= c.StandardError
                || Math.Abs(c.Suggested!.Value) >= ModelFromData.SizeablePoints));
    }

    [Fact]
    public void A_draft_whose_criteria_miss_most_leads_has_low_coverage()
    {
        Assert.True(ModelFromData.Coverage(Starter, Data.Batch, Data.AsOf) > 0.9);
        Assert.Equal(0, ModelFromData.Coverage(Starter with { Criteria = [Starter.Criteria[0] with { Id = "x" }] },
            LeadBatch.From([Leads.With(("pdays", 3))]), Leads.AsOf));
    }

    private static TuningData Generate(int count)
    {
        var generated = new DemoDataGenerator(7, Leads.AsOf).GenerateMany(count).ToList();
        var leads = generated.Select(g => g.Lead).ToList();
        return new TuningData(LeadBatch.From(leads), generated.Select((g, i) => i % 5 == 4 ? (bool?)null : g.Converted)
            .ToList(),
            leads.Select(l => l.FirstSeenAt).ToList(), Leads.AsOf, 60);
    }
}
