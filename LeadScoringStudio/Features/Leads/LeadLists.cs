using System.Runtime.CompilerServices;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Workbench;

namespace LeadScoringStudio.Features.Leads;

/// <summary>A lead in a list: its published scores and its recorded place in the funnel.</summary>
public sealed record ListedLead(int Position, StoredLead Stored, int Total, int Fit, int Engagement, Cell Cell,
    bool IsMql, bool IsDisqualified, CellAction Action, Stage Stage, string? Owner, DateTimeOffset? MqlSince)
{
    public Lead Lead => Stored.Lead;
}

/// <summary>One page of a lead list: how many leads match and how many stale pool leads were folded; and for the
/// whole list, the published model, the owners, and how many leads, MQLs and disqualified leads there are.</summary>
public sealed record LeadListPage(IReadOnlyList<ListedLead> Leads, int Matching, int FoldedStale,
    ScoringModel? Model, IReadOnlyList<string> Owners, int AllLeads, int Mqls, int Disqualified)
{
    public static LeadListPage Empty { get; } = new([], 0, 0, null, [], 0, 0, 0);

    public IReadOnlyList<Category> Products => Model?.Categories ?? [];
}

/// <summary>
/// Pages through the leads scored by the published version: filtered, ordered and paged on the server over the
/// shared scores (<see cref="DraftScoring"/>) and funnel (<see cref="LeadFunnel"/>), so only the page's rows are
/// built. A search (id, name, company or e-mail) narrows the list first.
/// </summary>
public sealed class LeadLists(DraftScoring scoring, PublishedModels published, LeadFunnel funnel, TimeProvider time)
{
    private readonly ConditionalWeakTable<LeadBatch, CompanySegment[]> _segments = new();

    public async Task<LeadListPage> PageAsync(LeadQuery query, string? search = null)
    {
        if (await published.GetAsync() is not { } model)
        {
            return LeadListPage.Empty;
        }

        var basis = await scoring.BasisAsync();
        var scores = (await scoring.ViewAsync(basis, model.Model, model.Model)).DraftScores;
        var columns = new LeadColumns(scores, model.Model, await funnel.ColumnsAsync(basis.Leads),
            _segments.GetValue(basis.Leads.Batch, _ => basis.Leads.Leads.Select(l => CompanySegments.Of(l.Lead))
                .ToArray()));
        return await Task.Run(() => Page(basis.Leads, columns, query, search, time.GetUtcNow()));
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
            page.FoldedStale, columns.Model, columns.Funnel.Owners, scores.Count, scores.IsMql.Count(m => m),
            scores.IsDisqualified.Count(d => d));
    }

    private static ListedLead Row(LeadSet leads, LeadColumns columns, int position)
    {
        var scores = columns.Scores;
        var cell = scores.CellOf(position);
        return new ListedLead(position, leads.Leads[position], scores.Total[position], scores.Fit[position],
            scores.Engagement[position], cell, scores.IsMql[position], scores.IsDisqualified[position],
            scores.IsDisqualified[position] ? CellAction.Disqualified : columns.Model.ActionFor(cell),
            columns.Funnel.Stages[position], columns.Funnel.OwnerOf(position), columns.Funnel.MqlSinceOf(position));
    }
}
