using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Segments;

namespace LeadScoringStudio.Features.Leads;

/// <summary>A lead in a list: its segment, the scores its segment's published model gave it, and its recorded place
/// in the funnel.</summary>
public sealed record ListedLead(int Position, StoredLead Stored, string Segment, int Total, int Fit, int Engagement,
    Cell Cell, bool IsMql, bool IsDisqualified, CellAction Action, Stage Stage, string? Owner, DateTimeOffset? MqlSince)
{
    public Lead Lead => Stored.Lead;
}

/// <summary>One page of a lead list: how many leads match and how many stale pool leads were folded; and for the
/// whole list, the routed scores (segments, their models, the products), the owners, and how many leads, MQLs and
/// disqualified leads there are.</summary>
public sealed record LeadListPage(IReadOnlyList<ListedLead> Leads, int Matching, int FoldedStale,
    RoutedScores? Routed, IReadOnlyList<string> Owners, int AllLeads, int Mqls, int Disqualified)
{
    public static LeadListPage Empty { get; } = new([], 0, 0, null, [], 0, 0, 0);

    public IReadOnlyList<Category> Products => Routed?.Products ?? [];

    public IReadOnlyList<Segment> Segments => Routed?.Routed.Routing.Segments ?? [];
}

/// <summary>
/// Pages through the leads, each scored by its segment's published model: filtered, ordered and paged on the server
/// over the shared routed scores (<see cref="RoutedScoring"/>) and funnel (<see cref="LeadFunnel"/>), so only the
/// page's rows are built. A search (id, name, company or e-mail) narrows the list first.
/// </summary>
public sealed class LeadLists(RoutedScoring routed, LeadFunnel funnel, TimeProvider time)
{
    public async Task<LeadListPage> PageAsync(LeadQuery query, string? search = null)
    {
        if (await routed.GetAsync() is not { } view)
        {
            return LeadListPage.Empty;
        }

        var columns = new LeadColumns(view.Scores, await funnel.ColumnsAsync(view.Basis.Leads));
        return await Task.Run(() => Page(view.Basis.Leads, columns, query, search, time.GetUtcNow()));
    }

    /// <summary>A page over loaded leads and their columns: what every request costs once scores and funnel are
    /// loaded (the pages benchmark measures this).</summary>
    public static LeadListPage Page(LeadSet leads, LeadColumns columns, LeadQuery query, string? search,
        DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query with { Among = leads.Search(search).ToList() };
        }

        var page = LeadListing.Run(columns, query, now);
        var scores = columns.Scores;
        return new LeadListPage(page.Positions.Select(p => Row(leads, columns, p)).ToList(), page.Matching,
            page.FoldedStale, columns.Routed, columns.Funnel.Owners, scores.Count, scores.IsMql.Count(m => m),
            scores.IsDisqualified.Count(d => d));
    }

    private static ListedLead Row(LeadSet leads, LeadColumns columns, int position)
    {
        var scores = columns.Scores;
        return new ListedLead(position, leads.Leads[position], columns.Routed.SegmentAt(position).Name,
            scores.Total[position], scores.Fit[position], scores.Engagement[position], scores.CellOf(position),
            scores.IsMql[position], scores.IsDisqualified[position], columns.Routed.ActionAt(position),
            columns.Funnel.Stages[position], columns.Funnel.OwnerOf(position), columns.Funnel.MqlSinceOf(position));
    }
}
