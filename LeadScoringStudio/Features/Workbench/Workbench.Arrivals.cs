using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Queue;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>What arrives from others: their commits, publishes and sign-offs, new leads, sales outcomes and field
/// changes.</summary>
public sealed partial class Workbench
{
    private void OnEvent(StudioEvent studioEvent)
    {
        if (studioEvent is LeadsChanged)
        {
            _ = Dispatch(ReloadLeadsAsync);
            return;
        }

        if (studioEvent is FeedbackRecorded)
        {
            _ = Dispatch(TakeOutcomesAsync);
            return;
        }

        if (studioEvent is FieldsChanged)
        {
            _ = Dispatch(ReloadFieldsAsync);
            return;
        }

        if (studioEvent.ModelId != ModelId || studioEvent.FromSession == SessionId)
        {
            return;
        }

        _ = studioEvent switch
        {
            DraftChanged => Dispatch(RefreshDraftAsync),
            ModelPublished => Dispatch(RefreshPublishedAsync),
            ApprovalsChanged => Dispatch(RefreshApprovalsAsync),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Someone else committed: take the stored draft in, keeping (merged) any edit of mine not shared
    /// yet.</summary>
    private async Task RefreshDraftAsync()
    {
        var stored = (await models.LoadAsync(ModelId)).Draft;
        if (stored.Version != Saved.Version)
        {
            await TakeStoredAsync(stored, keepLocalEdits: HasUnsharedChanges);
            Changed?.Invoke();
        }
    }

    /// <summary>The stored leads changed: score the new set, keeping the draft (and any unshared edit) as it
    /// is.</summary>
    private async Task ReloadLeadsAsync()
    {
        Leads = await library.GetAsync();
        Fields = await fields.EntriesAsync();
        AsOf = time.GetUtcNow();
        SelectedLead = SelectedLead is { } selected && selected < Leads.Count ? selected : Leads.Count > 0 ? 0 : null;
        SetPublished(Published);
        var draft = Draft;
        Show(ScoredDraft);
        if (!draft.Equals(ScoredDraft))
        {
            Show(draft);
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
        var leads = await library.GetAsync();
        if (!ReferenceEquals(leads.Batch, Leads.Batch))
        {
            await ReloadLeadsAsync();
            return;
        }

        Leads = leads;
        Revision++;
        Changed?.Invoke();
    }

    private async Task RefreshPublishedAsync()
    {
        var workspace = await models.LoadAsync(ModelId);
        SetPublished(workspace.Published);
        Approvals = await approvals.ForAsync(ModelId, Saved.Version);
        Show(Draft);
    }

    private async Task RefreshApprovalsAsync()
    {
        Approvals = await approvals.ForAsync(ModelId, Saved.Version);
        Changed?.Invoke();
    }
}
