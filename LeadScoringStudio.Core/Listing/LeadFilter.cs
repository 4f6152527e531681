using LeadScoringStudio.Core.Lifecycle;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Listing;

/// <summary>A <see cref="LeadQuery"/>'s filters, resolved once (owner index, MQL date) and
/// then tested lead by lead.</summary>
internal sealed class LeadFilter
{
    private readonly LeadColumns _leads;
    private readonly LeadQuery _query;
    private readonly DateTimeOffset _now;
    private readonly int? _owner;
    private readonly bool _ownerUnknown;
    private readonly long _mqlSince;

    public LeadFilter(LeadColumns leads, LeadQuery query, DateTimeOffset now)
    {
        _leads = leads;
        _query = query;
        _now = now;
        if (query.Owner is { } owner)
        {
            _owner = leads.Funnel.OwnerIndexOf(owner);
            _ownerUnknown = _owner is null;
        }

        _mqlSince = query.MqlSince?.UtcTicks ?? 0;
    }

    public enum Outcome
    {
        In,
        Out,
        Folded,
    }

    public Outcome Test(int position)
    {
        var scores = _leads.Scores;
        var funnel = _leads.Funnel;
        if ((_query.Stage is { } stage && funnel.Stages[position] != stage)
            || (_query.Cell is { } cell
                && (scores.CellIndex[position] != cell.Index || scores.IsDisqualified[position]))
            || (_query.Segment is { } segment && _leads.Routed.SegmentOf[position] != segment)
            || (_query.HotFor is { } product && !_leads.Routed.IsHot(position, product))
            || (_mqlSince != 0 && funnel.MqlSinceTicks[position] < _mqlSince)
            || !OwnerMatches(funnel.Owner[position]))
        {
            return Outcome.Out;
        }

        var late = LateBy(position);
        if (_query.Overdue && late <= TimeSpan.Zero)
        {
            return Outcome.Out;
        }

        return _query.FoldStalePool && funnel.Owner[position] == FunnelColumns.Nobody
            && late > LeadListing.StaleAfter
            ? Outcome.Folded
            : Outcome.In;
    }

    /// <summary>Owner and pool together: that person's leads and the pool's.</summary>
    private bool OwnerMatches(int owner) =>
        (_query.Owner is null && !_query.InPool)
        || (_query.InPool && owner == FunnelColumns.Nobody)
        || (_query.Owner is not null && !_ownerUnknown && owner == _owner);

    /// <summary>How long past the SLA of the lead's action it is; zero or less when in time or without one.</summary>
    private TimeSpan LateBy(int position)
    {
        var action = _leads.Routed.ActionAt(position);
        return -(QueueOrder.SlaLeft(action, _leads.Funnel.MqlSinceOf(position), _now) ?? TimeSpan.Zero);
    }
}
