using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>
/// One person's open workbench (one per circuit) on the shared draft. Every sound edit is committed at
/// once (merged with anyone else's, see <see cref="DraftRepository"/>) and announced; edits by others
/// arrive through <see cref="IStudioEvents"/> and are taken in. Draft and published model are scored
/// over every stored lead, so preview, quadrant and grid follow along.
/// </summary>
public sealed partial class Workbench(
    ModelRepository models, DraftRepository drafts, ApprovalRepository approvals, LeadLibrary library,
        WorkspaceFields fields, IStudioEvents events, TimeProvider time)
    : IDisposable
{
    private readonly SemaphoreSlim _commits = new(1, 1);
    private IDisposable? _subscription;
    private IReadOnlyDictionary<string, MergeChoice>? _pendingChoices;

    /// <summary>Identifies this workbench in broadcasts and presence.</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How the page runs work on its own thread (its InvokeAsync); events from others arrive on
    /// theirs.</summary>
    public Func<Func<Task>, Task> Dispatch { get; set; } = work => work();

    public int ModelId { get; private set; }

    /// <summary>The shared draft as last stored; <see cref="Draft"/> differs from it while an edit is not shared
    /// yet.</summary>
    public DraftModel Saved { get; private set; } = default!;

    public PublishedModel? Published { get; private set; }

    public ScoringModel Draft { get; private set; } = default!;

    /// <summary>The published model, or the stored draft while nothing is published yet.</summary>
    public ScoringModel Baseline => Published?.Model ?? Saved.Model;

    public IReadOnlyList<ModelProblem> Problems { get; private set; } = [];

    /// <summary>My edit and someone else's changed the same things: choose before the edit is shared.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; private set; } = [];

    /// <summary>Why my last edit was not stored (e.g. my role no longer allows it); null when it was.</summary>
    public string? NotSaved { get; private set; }

    /// <summary>True while an edit shows on the page but its commit has not landed yet: nothing may look saved that
    /// is not.</summary>
    public bool IsSaving => Problems.Count == 0 && Conflicts.Count == 0 && NotSaved is null
        && !Draft.Equals(Saved.Model);

    public IReadOnlyList<Approval> Approvals { get; private set; } = [];

    public LeadSet Leads { get; private set; } = default!;

    public DateTimeOffset AsOf { get; private set; }

    public BatchScores PublishedScores { get; private set; } = default!;

    public BatchScores DraftScores { get; private set; } = default!;

    public ModelImpact Impact { get; private set; } = default!;

    /// <summary>The draft whose scores are shown: the current draft, or the last one without problems.</summary>
    public ScoringModel ScoredDraft { get; private set; } = default!;

    /// <summary>Goes up by one whenever the scores shown change; charts use it to know when to redraw.</summary>
    public int Revision { get; private set; }

    public int? SelectedLead { get; private set; }

    /// <summary>The workspace's fields with the values seen in them: the editor offers every one.</summary>
    public IReadOnlyList<CatalogEntry> Fields { get; private set; } = [];

    public bool HasUnsharedChanges => !Draft.Equals(Saved.Model);

    public bool IsLoaded => Leads is not null;

    public event Action? Changed;

    /// <summary>Loads (or reloads, dropping unshared edits) the stored draft and published version, and scores
    /// them.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        ModelId = await models.FirstModelIdAsync(cancellationToken)
            ?? throw new InvalidOperationException("There is no scoring model yet.");
        Leads = await library.GetAsync();
        AsOf = time.GetUtcNow();
        var workspace = await models.LoadAsync(ModelId, cancellationToken);
        Saved = workspace.Draft;
        SetPublished(workspace.Published);
        Approvals = await approvals.ForAsync(ModelId, Saved.Version, cancellationToken);
        Conflicts = [];
        Fields = await fields.EntriesAsync(cancellationToken);
        SelectedLead ??= Leads.Examples.Count > 0 ? Leads.Examples[0] : Leads.Count > 0 ? 0 : null;
        _subscription ??= events.Subscribe(OnEvent);
        Show(Saved.Model);
    }

    /// <summary>
    /// Takes an edited copy of the draft: shows it at once and, when it has no problems, shares it. A criterion on a
    /// field
    /// of the catalog the model did not know yet brings the field's definition along.
    /// </summary>
    public async Task EditAsync(ScoringModel draft, ClaimsPrincipal user)
    {
        NotSaved = null;
        Show(draft.WithFieldsItUses(Fields.Select(f => f.Field.Definition).ToList()));
        if (Problems.Count == 0)
        {
            // Let the page render the new scores first; SQLite's "async" calls run synchronously and would hold the
            // render back.
            await Task.Yield();
            await CommitAsync(user);
        }
    }

    /// <summary>Settles the conflicts of the last commit, conflict path by conflict path, and shares the
    /// result.</summary>
    public Task ResolveAsync(IReadOnlyDictionary<string, MergeChoice> choices, ClaimsPrincipal user)
    {
        _pendingChoices = choices;
        return CommitAsync(user);
    }

    /// <summary>Drops the edit that is not shared (with problems or in conflict) and shows the shared draft.</summary>
    public void DiscardUnshared()
    {
        Conflicts = [];
        NotSaved = null;
        Show(Saved.Model);
    }

    /// <summary>Starts over from an old published version: its model becomes the draft, as one edit, logged like any
    /// other.</summary>
    public async Task RollbackAsync(int versionNumber, ClaimsPrincipal user)
    {
        var version = (await models.PublishedVersionsAsync(ModelId)).Single(v => v.Number == versionNumber);
        await EditAsync(version.Model, user);
    }

    public void SelectLead(int position)
    {
        SelectedLead = position;
        Changed?.Invoke();
    }

    public async Task<SaveResult> PublishAsync(ClaimsPrincipal user, string note)
    {
        var result = await models.PublishAsync(ModelId, Saved.Version, note, user);
        if (result.Succeeded)
        {
            events.Publish(new ModelPublished(ModelId, result.PublishedNumber!.Value, SessionId));
            await RefreshPublishedAsync();
        }

        return result;
    }

    public async Task<SaveResult> ApproveAsync(ClaimsPrincipal user)
    {
        var result = await approvals.ApproveAsync(ModelId, Saved.Version, user);
        if (result.Succeeded)
        {
            events.Publish(new ApprovalsChanged(ModelId, SessionId));
            Approvals = await approvals.ForAsync(ModelId, Saved.Version);
            Changed?.Invoke();
        }

        return result;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _commits.Dispose();
    }

    private async Task CommitAsync(ClaimsPrincipal user)
    {
        await _commits.WaitAsync();
        try
        {
            var edited = Draft;
            if (edited.Equals(Saved.Model))
            {
                return;
            }

            var result = await drafts.CommitAsync(ModelId, Saved.Model, Saved.Version, edited, user, _pendingChoices);
            _pendingChoices = null;
            Conflicts = result.Conflicts ?? [];
            NotSaved = result.Succeeded || Conflicts.Count > 0 ? null : result.Message;
            if (result.Succeeded)
            {
                await TakeStoredAsync(result.Draft!, keepLocalEdits: !Draft.Equals(edited));
                events.Publish(new DraftChanged(ModelId, Saved.Version, SessionId));
            }

            Changed?.Invoke();
        }
        finally
        {
            _commits.Release();
        }
    }

    private async Task TakeStoredAsync(DraftModel stored, bool keepLocalEdits)
    {
        var local = Draft;
        var previous = Saved;
        Saved = stored;
        Approvals = await approvals.ForAsync(ModelId, stored.Version);
        if (!keepLocalEdits)
        {
            Show(stored.Model);
            return;
        }

        var merge = ModelMerge.Merge(previous.Model, local, stored.Model);
        if (merge.Model is { } merged)
        {
            Show(merged);
        }
        else
        {
            // Keep my edit on its old base; committing it will ask to choose.
            Saved = previous;
            Conflicts = merge.Conflicts;
        }
    }

    private void SetPublished(PublishedModel? published)
    {
        Published = published;
        PublishedScores = new BatchScorer(published?.Model ?? Saved.Model, Leads.Batch).Score(AsOf);
    }

    private void Show(ScoringModel draft)
    {
        Draft = draft;
        Problems = ModelValidator.Validate(draft);
        if (Problems.Count == 0)
        {
            ScoredDraft = draft;
            DraftScores = new BatchScorer(draft, Leads.Batch).Score(AsOf);
            Impact = ModelImpact.Compare(PublishedScores, DraftScores);
            Revision++;
        }

        Changed?.Invoke();
    }
}
