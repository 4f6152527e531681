using LeadScoringStudio.Core.Demo;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Tests.Core.Listing;

public class LeadListingTests
{
    private static readonly DemoDataGenerator Generator =
        new(5, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset Now = Generator.AsOf;
    private static readonly IReadOnlyList<Lead> Leads = Generator.GenerateMany(3000).Select(g => g.Lead).ToList();
    /// <summary>The demo's two segments: enterprise accounts by the enterprise model (two products), the rest by the
    /// starter (three).</summary>
    private static readonly RoutedModels Routed = new(DemoSegments.Routing("starter", "enterprise"),
        [DemoSegments.EnterpriseModel(), StarterModel.Create()]);
    private static readonly LeadColumns Columns = Build();

    public static TheoryData<string> Queries => new()
    {
        "all", "mql-by-score", "cell-descending", "mine-or-pool", "pool", "overdue", "segment", "hot", "since",
        "among", "deep-page", "fold",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_page_is_the_same_as_filtering_and_sorting_every_lead(string name)
    {
        var query = Query(name);

        var page = LeadListing.Run(Columns, query, Now);

        var expected = Oracle(query).ToList();
        Assert.Equal(expected.Count, page.Matching);
        Assert.Equal(expected.Skip(query.Skip).Take(query.Take), page.Positions);
        Assert.NotEmpty(page.Positions);
    }

    [Fact]
    public void Folding_stale_pool_leads_counts_them_instead_of_listing_them()
    {
        var all = LeadListing.Run(Columns, Query("mine-or-pool"), Now);
        var folded = LeadListing.Run(Columns, Query("mine-or-pool") with { FoldStalePool = true }, Now);

        Assert.True(folded.FoldedStale > 0);
        Assert.Equal(all.Matching, folded.Matching + folded.FoldedStale);
        Assert.All(folded.Positions, p => Assert.False(IsStalePool(p)));
    }

    [Fact]
    public void A_changed_lead_shows_in_the_copy_and_not_in_the_original()
    {
        var changed = Columns.Funnel.With(new FunnelEntry(7, Stage.Sal, "new@demo.local", null));

        Assert.Equal(Stage.Sal, changed.Stages[7]);
        Assert.Equal("new@demo.local", changed.OwnerOf(7));
        Assert.NotEqual("new@demo.local", Columns.Funnel.OwnerOf(7));
        Assert.Null(Columns.Funnel.OwnerIndexOf("new@demo.local"));
    }

    private static LeadQuery Query(string name) => name switch
    {
        "all" => new LeadQuery(),
        "mql-by-score" => new LeadQuery { Stage = Stage.Mql, Order = LeadOrder.Score, Descending = true },
        "cell-descending" => new LeadQuery { Cell = Cell.Parse("B2"), Order = LeadOrder.Fit, Descending = true },
        "mine-or-pool" => new LeadQuery { Stage = Stage.Mql, Owner = "sdr1@demo.local", InPool = true, Take = 40 },
        "pool" => new LeadQuery { Stage = Stage.Mql, InPool = true },
        "overdue" => new LeadQuery { Stage = Stage.Mql, Overdue = true, Order = LeadOrder.MqlSince },
        "segment" => new LeadQuery { Segment = 0, Order = LeadOrder.Engagement },
        "hot" => new LeadQuery { HotFor = Columns.Routed.Products.Select(p => p.Id).ToList().IndexOf("payments") },
        "since" => new LeadQuery { MqlSince = Now.AddDays(-30), Order = LeadOrder.MqlSince, Descending = true },
        "among" => new LeadQuery { Among = Enumerable.Range(100, 300).ToList(), Order = LeadOrder.Score },
        "deep-page" => new LeadQuery { Skip = 2000, Take = 50, Order = LeadOrder.Score },
        "fold" => new LeadQuery { Stage = Stage.Mql, InPool = true, FoldStalePool = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The same query the slow way: every lead routed and scored on its own by its segment's model, filtered
    /// and sorted with LINQ.</summary>
    private static IEnumerable<int> Oracle(LeadQuery query)
    {
        var funnel = Columns.Funnel;
        var hotFor = query.HotFor is { } product ? Columns.Routed.Products[product].Id : null;
        var rows = Enumerable.Range(0, Leads.Count).Select(i =>
        {
            var (_, model) = Routed.For(Leads[i]);
            var score = LeadScorer.Score(model, Leads[i], Now);
            var action = score.IsDisqualified ? CellAction.Disqualified : score.Action;
            return (Position: i, Score: score, Action: action,
                Late: -(QueueOrder.SlaLeft(action, funnel.MqlSinceOf(i), Now) ?? TimeSpan.Zero));
        });
        var matching = rows.Where(r =>
            (query.Stage is null || funnel.Stages[r.Position] == query.Stage)
            && (query.Cell is null || (r.Score.Cell == query.Cell && !r.Score.IsDisqualified))
            && (query.Segment is null || Routed.Routing.Route(Leads[r.Position]) == query.Segment)
            && (hotFor is null || r.Score.Categories.Any(c => c.CategoryId == hotFor && c.IsHot))
            && (query.MqlSince is null || funnel.MqlSinceOf(r.Position) >= query.MqlSince)
            && (query.Among is null || query.Among.Contains(r.Position))
            && ((query.Owner is null && !query.InPool) || (query.InPool && funnel.OwnerOf(r.Position) is null)
                || (query.Owner is not null && funnel.OwnerOf(r.Position) == query.Owner))
            && (!query.Overdue || r.Late > TimeSpan.Zero)
            && !(query.FoldStalePool && funnel.OwnerOf(r.Position) is null && r.Late > LeadListing.StaleAfter));
        Func<(int Position, LeadScore Score, CellAction Action, TimeSpan Late), long> key = query.Order switch
        {
            LeadOrder.Score => r => r.Score.Total,
            LeadOrder.Fit => r => r.Score.Fit,
            LeadOrder.Engagement => r => r.Score.Engagement,
            LeadOrder.MqlSince => r => funnel.MqlSinceTicks[r.Position],
            _ => r => 0,
        };
        var ordered = query.Order == LeadOrder.Priority
            ? matching.OrderBy(r => !r.Score.IsMql).ThenBy(r => r.Action.Priority).ThenByDescending(r => r.Score.Total)
            : query.Descending ? matching.OrderByDescending(key) : matching.OrderBy(key);
        return ordered.ThenBy(r => r.Position).Select(r => r.Position);
    }

    private static bool IsStalePool(int position) =>
        Columns.Funnel.OwnerOf(position) is null
        && -(QueueOrder.SlaLeft(Columns.Routed.ActionAt(position),
            Columns.Funnel.MqlSinceOf(position), Now) ?? TimeSpan.Zero) > LeadListing.StaleAfter;

    /// <summary>Every MQL in the funnel, a third owned by one of two SDRs, MQL dates spread over the last 60
    /// days.</summary>
    private static LeadColumns Build()
    {
        var routed = Routed.Score(LeadBatch.From(Leads), Now);
        var scores = routed.Scores;
        var entries = Enumerable.Range(0, Leads.Count).Select(i => scores.IsMql[i]
            ? new FunnelEntry(i, Stage.Mql,
                (i % 3) switch { 0 => "sdr1@demo.local", 1 => "sdr2@demo.local", _ => null },
                Now.AddHours(-(i * 7 % 1440)))
            : new FunnelEntry(i, i % 5 == 0 ? Stage.Recycled : Stage.Lead, null, null));
        return new LeadColumns(routed, FunnelColumns.Build(Leads.Count, entries));
    }
}
