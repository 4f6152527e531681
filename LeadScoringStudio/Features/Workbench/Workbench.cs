using System.Security.Claims;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>
/// One person's open workbench (one per circuit): the draft being edited, the published model it is
/// compared with, both scored over every stored lead, and the lead being previewed. Every edit
/// re-validates and re-scores at once, so preview, quadrant and grid follow the draft without a save.
/// </summary>
public sealed class Workbench(ModelRepository models, LeadLibrary library, TimeProvider time)
{
    public int ModelId { get; private set; }

    /// <summary>The draft as last loaded or saved; <see cref="Draft"/> differs from it while there are unsaved edits.</summary>
    public DraftModel Saved { get; private set; } = default!;

    public PublishedModel? Published { get; private set; }

    public ScoringModel Draft { get; private set; } = default!;

    /// <summary>The published model, or the saved draft while nothing is published yet.</summary>
    public ScoringModel Baseline => Published?.Model ?? Saved.Model;

    public IReadOnlyList<ModelProblem> Problems { get; private set; } = [];

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

    public bool HasUnsavedChanges => !Draft.Equals(Saved.Model);

    public bool IsLoaded => Leads is not null;

    public event Action? Changed;

    /// <summary>Loads (or reloads, dropping unsaved edits) the draft and published version as stored now, and scores them.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        ModelId = await models.FirstModelIdAsync(cancellationToken)
            ?? throw new InvalidOperationException("There is no scoring model yet. Turn on demo seeding or import a model.");
        Leads = await library.GetAsync();
        AsOf = time.GetUtcNow();
        var workspace = await models.LoadAsync(ModelId, cancellationToken);
        Saved = workspace.Draft;
        Published = workspace.Published;
        PublishedScores = new BatchScorer(Baseline, Leads.Batch).Score(AsOf);
        SelectedLead ??= Leads.Examples.Count > 0 ? Leads.Examples[0] : Leads.Count > 0 ? 0 : null;
        Edit(Saved.Model);
    }

    /// <summary>Replaces the draft with an edited copy, re-validates it and, when it has no problems, re-scores every lead.</summary>
    public void Edit(ScoringModel draft)
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

    public void SelectLead(int position)
    {
        SelectedLead = position;
        Changed?.Invoke();
    }

    public async Task<SaveResult> SaveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await AfterStoreAsync(await models.SaveDraftAsync(ModelId, Draft, Saved.Version, user, cancellationToken: cancellationToken), cancellationToken);

    public async Task<SaveResult> PublishAsync(ClaimsPrincipal user, string note, CancellationToken cancellationToken = default) =>
        await AfterStoreAsync(await models.PublishAsync(ModelId, Draft, Saved.Version, note, user, cancellationToken), cancellationToken);

    private async Task<SaveResult> AfterStoreAsync(SaveResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            await LoadAsync(cancellationToken);
        }

        return result;
    }
}
