using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Queue;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>What arrives from others: their commits, publishes and sign-offs, new leads, sales outcomes and field
/// changes. Nothing here scores a stored version another circuit has scored already.</summary>
public sealed partial class WorkbenchState
{
    private void OnEvent(StudioEvent studioEvent)
    {
        Func<Task>? work = studioEvent switch
        {
            LeadsChanged => ReloadLeadsAsync,
            FeedbackRecorded => TakeOutcomesAsync,
            FieldsChanged => ReloadFieldsAsync,
            _ when studioEvent.ModelId != ModelId || studioEvent.FromSession == SessionId => null,
            DraftChanged changed => () => TakeDraftAsync(changed),
            ModelPublished published => () => TakePublishedAsync(published),
            ApprovalsChanged => RefreshApprovalsAsync,
            _ => null,
        };
        if (work is not null)
        {
            Dispatch(work).Observe(logger, $"taking in {studioEvent.GetType().Name}");
        }
    }

    /// <summary>Someone else committed: take the stored draft in, keeping (merged) any edit of mine not shared
    /// yet.</summary>
    private async Task TakeDraftAsync(DraftChanged changed)
    {
        if (changed.Draft.Version > Saved.Version)
        {
            await TakeStoredAsync(changed.Draft, keepLocalEdits: HasUnsharedChanges);
        }
    }

    private Task TakePublishedAsync(ModelPublished published) => ShowAsync(Draft, published.Published);

    /// <summary>The stored leads changed: show the new set's scores, keeping the draft (and any unshared edit) as it
    /// is.</summary>
    private async Task ReloadLeadsAsync()
    {
        Basis = await scoring.BasisAsync();
        Fields = await fields.EntriesAsync();
        SelectedLead = SelectedLead is { } selected && selected < Leads.Count ? selected : Leads.Count > 0 ? 0 : null;
        var draft = Draft;
        await ShowAsync(ScoredDraft);
        if (!draft.Equals(ScoredDraft))
        {
            await ShowAsync(draft);
        }
    }

    private async Task ReloadFieldsAsync()
    {
        Fields = await fields.EntriesAsync();
        Changed?.Invoke();
    }

    /// <summary>Sales marked a lead won or lost: the same leads with the outcome that now counts (the quadrant's
    /// colours).</summary>
    private async Task TakeOutcomesAsync()
    {
        var basis = await scoring.BasisAsync();
        if (!ReferenceEquals(basis.Leads.Batch, Leads.Batch) || basis.AsOf != AsOf)
        {
            await ReloadLeadsAsync();
            return;
        }

        Basis = basis;
        Revision++;
        Changed?.Invoke();
    }

    private async Task RefreshApprovalsAsync()
    {
        Approvals = await approvals.ForAsync(ModelId, Saved.Version);
        Changed?.Invoke();
    }
}
