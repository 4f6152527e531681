using System.Security.Claims;
using LeadScoringStudio.Core.Changes;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Hosting;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>
/// One person's open workbench (one per circuit) on the shared draft: what they see and the edit they hold until it
/// is shared. Scores come from <see cref="DraftScoring"/> (shared per stored version); writes go through
/// <see cref="DraftService"/>, which announces them. An edit shows at once and is committed when its control has
/// settled; one that moves many leads waits for "apply". Edits by others arrive through
/// <see cref="IStudioEvents"/>.
/// </summary>
public sealed partial class WorkbenchState(
    ModelRepository models, DraftService drafts, DraftScoring scoring, ApprovalRepository approvals,
        WorkspaceFields fields, IStudioEvents events, TimeProvider time, IOptions<WorkbenchOptions> options,
        ILogger<WorkbenchState> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _commits = new(1, 1);
    private IDisposable? _subscription;
    private IReadOnlyDictionary<string, MergeChoice>? _pendingChoices;
    private CancellationTokenSource? _settling;
    private ClaimsPrincipal? _editor;
    private ScoringModel? _confirmed;

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

    /// <summary>My edit moves more leads than the room agreed to take unannounced: it waits until I apply or discard
    /// it.</summary>
    public EditImpact? ToConfirm { get; private set; }

    /// <summary>True while an edit shows on the page but its commit has not landed yet: nothing may look saved that
    /// is not.</summary>
    public bool IsSaving => Problems.Count == 0 && Conflicts.Count == 0 && NotSaved is null && ToConfirm is null
        && HasUnsharedChanges;

    /// <summary>The commit waiting for the edit to settle (or running); completed when there is none.</summary>
    public Task PendingCommit { get; private set; } = Task.CompletedTask;

    public IReadOnlyList<Approval> Approvals { get; private set; } = [];

    public ScoringBasis Basis { get; private set; } = default!;

    /// <summary>The scores shown: the current draft's, or the last one's without problems.</summary>
    public DraftView View { get; private set; } = default!;

    public LeadSet Leads => Basis.Leads;

    public DateTimeOffset AsOf => Basis.AsOf;

    public BatchScores PublishedScores => View.PublishedScores;

    public BatchScores DraftScores => View.DraftScores;

    public ModelImpact Impact => View.Impact;

    /// <summary>The draft whose scores are shown: the current draft, or the last one without problems.</summary>
    public ScoringModel ScoredDraft => View.Draft;

    /// <summary>Goes up by one whenever the scores shown change; charts use it to know when to redraw.</summary>
    public int Revision { get; private set; }

    public int? SelectedLead { get; private set; }

    /// <summary>The workspace's fields with the values seen in them: the editor offers every one.</summary>
    public IReadOnlyList<CatalogEntry> Fields { get; private set; } = [];

    public bool HasUnsharedChanges => !Draft.Equals(Saved.Model);

    public bool IsLoaded => View is not null;

    public event Action? Changed;

    /// <summary>Loads (or reloads, dropping unshared edits) the stored draft and published version of a model (the
    /// default one unless named), and shows their shared scores.</summary>
    public async Task LoadAsync(int? modelId = null, CancellationToken cancellationToken = default)
    {
        ModelId = modelId ?? await models.DefaultModelIdAsync(cancellationToken)
            ?? throw new InvalidOperationException("There is no scoring model yet.");
        var workspace = await models.LoadAsync(ModelId, cancellationToken);
        Saved = workspace.Draft;
        Published = workspace.Published;
        Basis = await scoring.BasisAsync();
        Approvals = await approvals.ForAsync(ModelId, Saved.Version, cancellationToken);
        Conflicts = [];
        ToConfirm = null;
        Fields = await fields.EntriesAsync(cancellationToken);
        SelectedLead ??= Leads.Examples.Count > 0 ? Leads.Examples[0] : Leads.Count > 0 ? 0 : null;
        _subscription ??= events.Subscribe(OnEvent);
        await ShowAsync(Saved.Model);
        scoring.Prepare(Basis, Saved.Model);
    }

    public void SelectLead(int position)
    {
        SelectedLead = position;
        Changed?.Invoke();
    }

    public async Task<SaveResult> PublishAsync(ClaimsPrincipal user, string note)
    {
        var result = await drafts.PublishAsync(ModelId, Saved.Version, note, user, SessionId);
        if (result.Succeeded)
        {
            await ShowAsync(Draft, (await models.LoadAsync(ModelId)).Published);
        }

        return result;
    }

    public async Task<SaveResult> ApproveAsync(ClaimsPrincipal user)
    {
        var result = await drafts.ApproveAsync(ModelId, Saved.Version, user, SessionId);
        if (result.Succeeded)
        {
            Approvals = await approvals.ForAsync(ModelId, Saved.Version);
            Changed?.Invoke();
        }

        return result;
    }

    /// <summary>Closing the page does not lose an edit that was still settling: it is committed now.</summary>
    public void Dispose()
    {
        _subscription?.Dispose();
        if (_settling is { IsCancellationRequested: false } && _editor is { } editor)
        {
            CancelSettling();
            Dispatch = work => work();
            CommitAsync(editor).Observe(logger, "committing an edit left when its workbench closed");
        }
    }

    private Task ShowAsync(ScoringModel draft) => ShowAsync(draft, Published);

    /// <summary>Shows <paramref name="draft"/> against <paramref name="published"/>; the new baseline and its scores
    /// appear together.</summary>
    private async Task ShowAsync(ScoringModel draft, PublishedModel? published)
    {
        Draft = draft;
        Problems = ModelValidator.Validate(draft);
        if (Problems.Count == 0)
        {
            var baseline = published?.Model ?? Saved.Model;
            var view = draft.Equals(Saved.Model)
                ? await scoring.ViewAsync(Basis, baseline, draft)
                : await scoring.EditViewAsync(Basis, baseline, Saved.Model, draft);
            if (!ReferenceEquals(Draft, draft))
            {
                Published = published;
                return; // A newer edit arrived meanwhile; its scores will show.
            }

            View = view;
            Revision++;
        }

        Published = published;
        Changed?.Invoke();
    }
}
