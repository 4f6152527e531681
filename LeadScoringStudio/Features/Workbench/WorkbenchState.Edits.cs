using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>My edits: shown at once, held while they have problems, conflicts or a big impact, committed once settled;
/// undo and roll back.</summary>
public sealed partial class WorkbenchState
{
    /// <summary>
    /// Takes an edited copy of the draft: shows it at once and, when it has no problems and does not move too many
    /// leads, shares it once the edit has settled. A criterion on a field of the catalog the model did not know yet
    /// brings the field's definition along.
    /// </summary>
    public async Task EditAsync(ScoringModel draft, ClaimsPrincipal user)
    {
        NotSaved = null;
        _editor = user;
        await ShowAsync(draft.WithFieldsItUses(Fields.Select(f => f.Field.Definition).ToList()));
        ToConfirm = Problems.Count == 0 && HasUnsharedChanges && !Draft.Equals(_confirmed) ? await BigImpactAsync()
            : null;
        if (Problems.Count > 0 || ToConfirm is not null)
        {
            CancelSettling();
            Changed?.Invoke();
            return;
        }

        if (options.Value.SettleMilliseconds == 0)
        {
            // Let the page render the new scores first; SQLite's "async" calls run synchronously.
            await Task.Yield();
            await CommitAsync(user);
            return;
        }

        CancelSettling();
        _settling = new CancellationTokenSource();
        PendingCommit = SettleThenCommitAsync(user, _settling.Token);
        PendingCommit.Observe(logger, "committing a workbench edit");
    }

    /// <summary>Shares the edit held back for its impact, as it is.</summary>
    public Task ApplyAsync(ClaimsPrincipal user)
    {
        _confirmed = Draft;
        ToConfirm = null;
        return CommitAsync(user);
    }

    /// <summary>Settles the conflicts of the last commit, conflict path by conflict path, and shares the
    /// result.</summary>
    public Task ResolveAsync(IReadOnlyDictionary<string, MergeChoice> choices, ClaimsPrincipal user)
    {
        _pendingChoices = choices;
        return CommitAsync(user);
    }

    /// <summary>Drops the edit that is not shared (with problems, in conflict or held for its impact) and shows the
    /// shared draft.</summary>
    public async Task DiscardUnsharedAsync()
    {
        CancelSettling();
        Conflicts = [];
        NotSaved = null;
        ToConfirm = null;
        await ShowAsync(Saved.Model);
    }

    /// <summary>Undoes my latest change that still stands (others' changes since stay).</summary>
    public async Task<CommitResult> UndoAsync(ClaimsPrincipal user)
    {
        await PendingCommit;
        var result = await drafts.UndoAsync(ModelId, user, SessionId);
        await TakeResultAsync(result);
        return result;
    }

    /// <summary>Starts over from an old published version: its model replaces the draft, as one logged
    /// edit.</summary>
    public async Task<CommitResult> RollbackAsync(int versionNumber, ClaimsPrincipal user)
    {
        CancelSettling();
        var result = await drafts.RollbackAsync(ModelId, versionNumber, user, SessionId);
        await TakeResultAsync(result);
        return result;
    }

    private async Task SettleThenCommitAsync(ClaimsPrincipal user, CancellationToken settling)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.SettleMilliseconds), time, settling);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Dispatch(() => CommitAsync(user));
    }

    private void CancelSettling()
    {
        _settling?.Cancel();
        _settling = null;
    }

    /// <summary>How far my edit moves the leads against the stored draft, when that is more than the room takes
    /// unannounced; null otherwise.</summary>
    private async Task<EditImpact?> BigImpactAsync()
    {
        var stored = await scoring.ViewAsync(Basis, Baseline, Saved.Model);
        var impact = EditImpact.Between(stored.DraftScores, DraftScores);
        return impact.Moved > 0 && impact.Share > options.Value.ConfirmShare ? impact : null;
    }

    private async Task CommitAsync(ClaimsPrincipal user)
    {
        await _commits.WaitAsync();
        try
        {
            var edited = Draft;
            if (edited.Equals(Saved.Model) || Problems.Count > 0 || ToConfirm is not null)
            {
                return;
            }

            var shown = View;
            var result = await drafts.CommitAsync(Saved, edited, user, _pendingChoices, SessionId);
            _pendingChoices = null;
            Conflicts = result.Conflicts ?? [];
            NotSaved = result.Succeeded || Conflicts.Count > 0 ? null : result.Message;
            if (result.Succeeded)
            {
                if (result.Draft!.Model.Equals(shown.Draft))
                {
                    scoring.Share(Basis, shown);
                }

                await TakeStoredAsync(result.Draft, keepLocalEdits: !Draft.Equals(edited));
            }

            Changed?.Invoke();
        }
        finally
        {
            _commits.Release();
        }
    }

    private async Task TakeResultAsync(CommitResult result)
    {
        NotSaved = null;
        if (result.Wrote)
        {
            Conflicts = [];
            ToConfirm = null;
            await TakeStoredAsync(result.Draft!, keepLocalEdits: false);
        }
    }

    private async Task TakeStoredAsync(DraftModel stored, bool keepLocalEdits)
    {
        var local = Draft;
        var previous = Saved;
        Saved = stored;

        // Sign-off is per draft version: a version just written has none yet.
        Approvals = [];
        if (!keepLocalEdits)
        {
            await ShowAsync(stored.Model);
            return;
        }

        var merge = ModelMerge.Merge(previous.Model, local, stored.Model);
        if (merge.Model is { } merged)
        {
            await ShowAsync(merged);
        }
        else
        {
            // Keep my edit on its old base; committing it will ask to choose.
            Saved = previous;
            Conflicts = merge.Conflicts;
            Changed?.Invoke();
        }
    }
}
