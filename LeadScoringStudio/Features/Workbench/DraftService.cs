using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>
/// The only writer of a model's shared draft and its versions: edits (merged with anyone else's), undo, roll back,
/// team settings, sign-off and publish. Each write that lands is announced here, so no caller has to remember to.
/// <paramref name="fromSession"/> parameters name the workbench that made the change (it takes the result itself).
/// </summary>
public sealed class DraftService(
    DraftRepository drafts, ModelRepository models, ApprovalRepository approvals, AccountCheck accounts,
        IStudioEvents events)
{
    /// <summary>Commits <paramref name="edited"/>, made on <paramref name="start"/>; <paramref name="choices"/>
    /// settles the conflicts a previous attempt reported.</summary>
    public async Task<CommitResult> CommitAsync(DraftModel start, ScoringModel edited, ClaimsPrincipal user,
        IReadOnlyDictionary<string, MergeChoice>? choices = null, string? fromSession = null)
    {
        var result = await drafts.CommitAsync(start.ModelId, start.Model, start.Version, edited, user, choices);
        Announce(result, fromSession);
        return result;
    }

    /// <summary>
    /// Undoes <paramref name="user"/>'s latest change that still stands, as a logged edit of its own. Changes others
    /// made since stay; when one of them changed the same thing, nothing is undone and the sentence says so.
    /// </summary>
    public async Task<CommitResult> UndoAsync(int modelId, ClaimsPrincipal user, string? fromSession = null)
    {
        if (!StudioRoles.CanEditModel(await accounts.NowAsync(user)))
        {
            return new CommitResult(SaveStatus.Refused, "Your account has no role that may change the model.");
        }

        var stored = (await models.LoadAsync(modelId)).Draft;
        if (await drafts.LastUndoableAsync(modelId, StudioRoles.NameOf(user)) is not { } mine)
        {
            return new CommitResult(SaveStatus.Invalid, "You have no change on this draft left to undo.", stored);
        }

        var undone = ModelMerge.Merge(mine.After, mine.Before, stored.Model);
        if (undone.Conflicts is [var conflict, ..])
        {
            return new CommitResult(SaveStatus.Conflict,
                $"Not undone: {stored.SavedBy} changed {conflict.Subject} since your change. Change it back by hand.",
                stored);
        }

        if (undone.Model is null)
        {
            return new CommitResult(SaveStatus.Invalid,
                "Not undone: with the changes made since, the model would have a problem: " +
                $"{undone.Problems[0].Message}.",
                stored);
        }

        var result = await drafts.CommitAsync(modelId, stored.Model, stored.Version, undone.Model, user,
            undoOf: mine.Version);
        Announce(result, fromSession);
        return result;
    }

    /// <summary>Makes published version <paramref name="versionNumber"/> the draft, replacing what is stored now,
    /// as one logged edit.</summary>
    public async Task<CommitResult> RollbackAsync(int modelId, int versionNumber, ClaimsPrincipal user,
        string? fromSession = null)
    {
        var version = (await models.PublishedVersionsAsync(modelId)).SingleOrDefault(v => v.Number == versionNumber);
        var stored = (await models.LoadAsync(modelId)).Draft;
        if (version is null)
        {
            return new CommitResult(SaveStatus.Invalid, $"There is no published version {versionNumber}.", stored);
        }

        return await CommitAsync(stored, version.Model, user, fromSession: fromSession);
    }

    /// <summary>The team's recycling cool-down, which lives in the model: a draft edit like any other.</summary>
    public async Task<CommitResult> SetCooldownAsync(int modelId, int cooldownDays, ClaimsPrincipal user)
    {
        var stored = (await models.LoadAsync(modelId)).Draft;
        return await CommitAsync(stored, stored.Model with { Recycling = new(cooldownDays) }, user);
    }

    public async Task<SaveResult> PublishAsync(int modelId, long draftVersion, string note, ClaimsPrincipal user,
        string? fromSession = null)
    {
        var result = await models.PublishAsync(modelId, draftVersion, note, user);
        if (result.Succeeded && (await models.LoadAsync(modelId)).Published is { } published)
        {
            events.Publish(new ModelPublished(modelId, published, fromSession));
        }

        return result;
    }

    public async Task<SaveResult> ApproveAsync(int modelId, long draftVersion, ClaimsPrincipal user,
        string? fromSession = null)
    {
        var result = await approvals.ApproveAsync(modelId, draftVersion, user);
        if (result.Succeeded)
        {
            events.Publish(new ApprovalsChanged(modelId, fromSession));
        }

        return result;
    }

    private void Announce(CommitResult result, string? fromSession)
    {
        if (result.Wrote)
        {
            events.Publish(new DraftChanged(result.Draft!, fromSession));
        }
    }
}
