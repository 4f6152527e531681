using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Data;

/// <summary>The outcome of committing an edit to the shared draft: the draft now stored, or the conflicts to choose
/// on.</summary>
public sealed record CommitResult(SaveStatus Status, string Message, DraftModel? Draft = null,
    IReadOnlyList<MergeConflict>? Conflicts = null)
{
    public bool Succeeded => Status == SaveStatus.Saved;

    /// <summary>Saved, and a new draft version was written (not "no change").</summary>
    public bool Wrote { get; init; }
}

/// <summary>
/// The shared draft that several people edit at once. An edit is committed against the version it was
/// made on: if someone else committed since, the two are merged (different things combine; the same
/// thing changed differently comes back as conflicts to choose on, nothing is overwritten). Each commit
/// records its changes, in words, in the change log. SQLite has no row version, so the draft's
/// <see cref="ModelRecord.Version"/> is the guard: a commit that lost the race merges again.
/// </summary>
public sealed class DraftRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider time,
    AccountCheck accounts)
{
    private const int Attempts = 20;

    /// <summary>
    /// Commits <paramref name="edited"/>, made from <paramref name="baseModel"/> at <paramref name="baseVersion"/>.
    /// <paramref name="choices"/> settles conflicts a previous attempt reported. With <paramref name="undoOf"/> the
    /// commit undoes that version's commit: its log lines say so and that commit is marked undone.
    /// </summary>
    public async Task<CommitResult> CommitAsync(
        int modelId, ScoringModel baseModel, long baseVersion, ScoringModel edited, ClaimsPrincipal user,
        IReadOnlyDictionary<string, MergeChoice>? choices = null, long? undoOf = null,
        CancellationToken cancellationToken = default)
    {
        if (!StudioRoles.CanEditModel(await accounts.NowAsync(user)))
        {
            return new CommitResult(SaveStatus.Refused, "Your account has no role that may change the model.");
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var record = await db.Models.SingleAsync(m => m.Id == modelId, cancellationToken);
            var current = ModelRepository.ToDraft(record);
            var next = edited;
            if (record.Version != baseVersion)
            {
                var merge = ModelMerge.Merge(baseModel, edited, current.Model, choices);
                if (merge.Conflicts.Count > 0)
                {
                    return new CommitResult(SaveStatus.Conflict, $"{current.SavedBy} changed the same thing at the same time. Choose which value to keep.", current, merge.Conflicts);
                }

                if (merge.Model is null)
                {
                    return new CommitResult(SaveStatus.Invalid, $"Together with {current.SavedBy}'s change the model would have a problem: {merge.Problems[0].Message}.", current);
                }

                next = merge.Model;
            }

            if (ModelValidator.Validate(next) is [var problem, ..])
            {
                return new CommitResult(SaveStatus.Invalid, $"Not saved: {problem.Message}.", current);
            }

            var changes = ModelDiff.Compare(current.Model, next);
            if (changes.Count == 0)
            {
                return new CommitResult(SaveStatus.Saved, "No change.", current);
            }

            var by = StudioRoles.NameOf(user);
            var now = time.GetUtcNow();
            record.Name = next.Name;
            record.DraftDocument = ModelFile.Write(next);
            record.DraftSavedBy = by;
            record.DraftSavedAt = now;

            // The draft, its change-log lines and its revision are saved together; saving bumps the version by one.
            var version = record.Version + 1;
            db.Changes.AddRange(changes.Select(c => new ChangeRecord
            {
                ModelId = modelId, DraftVersion = version, At = now, By = by, Path = c.Path,
                    CriterionId = c.CriterionId, Text = undoOf is null ? c.Text : $"Undo: {c.Text}",
            }));
            db.DraftRevisions.Add(new DraftRevisionRecord
            {
                ModelId = modelId, Version = version, By = by, At = now, Before = ModelFile.Write(current.Model),
                    After = record.DraftDocument, UndoOf = undoOf,
            });
            if (undoOf is not null)
            {
                await db.DraftRevisions.Where(r => r.ModelId == modelId && r.Version == undoOf)
                    .ForEachAsync(r => r.UndoneIn = version, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                continue;
            }

            return new CommitResult(SaveStatus.Saved,
                changes.Count == 1 ? changes[0].Text : $"{changes.Count} changes saved.",
                ModelRepository.ToDraft(record)) { Wrote = true };
        }
    }

    /// <summary>
    /// <paramref name="by"/>'s latest commit on the draft that still stands (neither undone nor itself an undo): the
    /// draft before and after it; null when there is none.
    /// </summary>
    public async Task<DraftRevision?> LastUndoableAsync(int modelId, string by,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.DraftRevisions.AsNoTracking()
            .Where(r => r.ModelId == modelId && r.By == by && r.UndoOf == null && r.UndoneIn == null)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : new DraftRevision(record.Version, Read(record.Before), Read(record.After));
    }

    private static ScoringModel Read(string document) => ModelFile.Read(document).Model
        ?? throw new InvalidDataException("A stored draft revision cannot be read.");
}

/// <summary>One commit to the draft: the version it made and the draft before and after it.</summary>
public sealed record DraftRevision(long Version, ScoringModel Before, ScoringModel After);
