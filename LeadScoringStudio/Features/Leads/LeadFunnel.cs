using LeadScoringStudio.Core.Listing;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Pipeline;
using LeadScoringStudio.Features.Queue;

namespace LeadScoringStudio.Features.Leads;

/// <summary>A lead changed hands: queues and lead lists show the new owner.</summary>
public sealed record LeadClaimed(string LeadId) : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// The recorded funnel (stage, owner, MQL date) of the loaded leads as columns, read once and shared by every lead
/// list and queue. A rescoring has it read again at once, in the background, while lists go on with the columns they
/// had (a million leads' states take seconds to read); feedback or a claim on one lead re-reads that lead only.
/// </summary>
public sealed class LeadFunnel : IDisposable
{
    private readonly SalesQueueRepository _states;
    private readonly LeadLibrary _library;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private (LeadSet Leads, Task<FunnelColumns> Columns)? _loaded;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private List<string>? _rereadWhileRefreshing;

    public LeadFunnel(SalesQueueRepository states, LeadLibrary library, IStudioEvents events,
        ILogger<LeadFunnel> logger)
    {
        _states = states;
        _library = library;
        _subscription = events.Subscribe(e =>
        {
            switch (e)
            {
                case QueueChanged:
                    RefreshAsync().Observe(logger, "reading the funnel again after a rescore");
                    break;
                case FeedbackRecorded { LeadId: var id }:
                    RereadAsync(id).Observe(logger, "re-reading a lead's stage");
                    break;
                case LeadClaimed { LeadId: var id }:
                    RereadAsync(id).Observe(logger, "re-reading a lead's owner");
                    break;
            }
        });
    }

    /// <summary>The funnel columns of <paramref name="leads"/> (positions as in that set).</summary>
    public Task<FunnelColumns> ColumnsAsync(LeadSet leads)
    {
        lock (_gate)
        {
            if (_loaded is not { } loaded || !ReferenceEquals(loaded.Leads.Batch, leads.Batch))
            {
                _loaded = loaded = (leads, LoadAsync(leads));
            }

            return loaded.Columns;
        }
    }

    public void Dispose() => _subscription.Dispose();

    private async Task<FunnelColumns> LoadAsync(LeadSet leads)
    {
        var states = await _states.AllStatesAsync();
        return FunnelColumns.Build(leads.Count, states
            .Select(s => (State: s, Position: leads.PositionOf(s.LeadId)))
            .Where(s => s.Position is not null)
            .Select(s => Entry(s.Position!.Value, s.State)));
    }

    /// <summary>Reads every state again; the new columns replace the old once read. Leads re-read meanwhile may be
    /// older in what was read, so they are read once more into the new columns.</summary>
    private async Task RefreshAsync()
    {
        await _refreshing.WaitAsync();
        try
        {
            await RefreshOnceAsync();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task RefreshOnceAsync()
    {
        var leads = await _library.GetAsync();
        lock (_gate)
        {
            _rereadWhileRefreshing = [];
        }

        var columns = await LoadAsync(leads);
        List<string> rereadMeanwhile;
        lock (_gate)
        {
            _loaded = (leads, Task.FromResult(columns));
            rereadMeanwhile = _rereadWhileRefreshing ?? [];
            _rereadWhileRefreshing = null;
        }

        foreach (var leadId in rereadMeanwhile.Distinct(StringComparer.Ordinal))
        {
            await RereadAsync(leadId);
        }
    }

    private async Task RereadAsync(string leadId)
    {
        var state = await _states.StateAsync(leadId);
        lock (_gate)
        {
            _rereadWhileRefreshing?.Add(leadId);
            if (state is null || _loaded is not { Columns.IsCompletedSuccessfully: true } loaded
                || loaded.Leads.PositionOf(leadId) is not { } position)
            {
                _loaded = null;
                return;
            }

            _loaded = (loaded.Leads, Task.FromResult(loaded.Columns.Result.With(Entry(position, state))));
        }
    }

    private static FunnelEntry Entry(int position, LeadState state) =>
        new(position, state.Stage, state.AssignedTo, state.MqlSince);
}
