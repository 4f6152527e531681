using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;
using LeadScoringStudio.Features.Leads;

namespace LeadScoringStudio.Features.Workbench;

/// <summary>The stored leads and the moment they are scored at: every workbench on the same basis shares
/// scores.</summary>
public sealed record ScoringBasis(LeadSet Leads, DateTimeOffset AsOf);

/// <summary>What a workbench shows for a draft: its scores, the published model's over the same leads, and the
/// difference. Immutable, so every circuit showing the same stored draft version reads one.</summary>
public sealed record DraftView(ScoringModel Published, ScoringModel Draft, BatchScores DraftScores,
    BatchScores PublishedScores, ModelImpact Impact);

/// <summary>
/// Scores drafts once per server and shares them: every circuit that shows the same stored draft (and published
/// version) over the same leads gets the same <see cref="DraftView"/>, computed by whichever asked first. An edit
/// not shared yet is scored for its author alone, through a shared <see cref="WhatIfScorer"/> when it only changes
/// points; once committed, its view is handed in with <see cref="Share"/>, so nobody scores that version again.
/// </summary>
public sealed class DraftScoring(LeadLibrary library, TimeProvider time)
{
    /// <summary>Decay ages with time: a basis older than this is renewed (and everything rescored) on next
    /// use.</summary>
    private static readonly TimeSpan BasisLifetime = TimeSpan.FromDays(1);

    private const int KeptViews = 12;

    /// <summary>The per-lead, per-criterion evidence every kept what-if holds together (12 bytes a cell: 480 MB), so
    /// a million leads under a 40-criterion model get one, and smaller workspaces several.</summary>
    private const long WhatIfCells = 40_000_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<(ViewKey Key, Task<DraftView> View)> _views = [];
    private readonly LinkedList<(ScoringBasis Basis, ScoringModel Model, Task<WhatIfScorer> Scorer)> _whatIfs = [];
    private ScoringBasis? _basis;

    /// <summary>The loaded leads and the moment to score them at, the same for everyone until the leads change
    /// (or a day has passed).</summary>
    public async Task<ScoringBasis> BasisAsync()
    {
        var leads = await library.GetAsync();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_basis is null || !ReferenceEquals(_basis.Leads.Batch, leads.Batch)
                || now - _basis.AsOf > BasisLifetime)
            {
                _basis = new ScoringBasis(leads, now);
                _views.Clear();
                _whatIfs.Clear();
            }
            else if (!ReferenceEquals(_basis.Leads, leads))
            {
                // A new outcome on the same columns: the scores still hold, the quadrant's colours change.
                _basis = _basis with { Leads = leads };
            }

            return _basis;
        }
    }

    /// <summary>The shared view of <paramref name="draft"/> against <paramref name="published"/>, scored
    /// once.</summary>
    public Task<DraftView> ViewAsync(ScoringBasis basis, ScoringModel published, ScoringModel draft)
    {
        var key = new ViewKey(basis.Leads.Batch, basis.AsOf, published, draft);
        lock (_gate)
        {
            if (Find(key) is { } kept)
            {
                return kept;
            }

            var view = Task.Run(async () =>
            {
                var publishedScores = published.Equals(draft) ? null : await ViewAsync(basis, published, published);
                var scores = new BatchScorer(draft, basis.Leads.Batch).Score(basis.AsOf);
                return View(published, draft, scores, publishedScores?.DraftScores ?? scores);
            });
            Keep(key, view);
            return view;
        }
    }

    /// <summary>
    /// The view of an edit that is not shared yet, for its author alone: through a what-if when the edit only changes
    /// points, otherwise scored in full. A view already kept for the same model is reused.
    /// </summary>
    public async Task<DraftView> EditViewAsync(ScoringBasis basis, ScoringModel published, ScoringModel stored,
        ScoringModel edited)
    {
        var key = new ViewKey(basis.Leads.Batch, basis.AsOf, published, edited);
        Task<DraftView>? kept;
        lock (_gate)
        {
            kept = Find(key);
        }

        if (kept is not null)
        {
            return await kept;
        }

        var publishedScores = (await ViewAsync(basis, published, published)).DraftScores;
        var scores = WhatIf(basis, stored) is { } whatIf ? (await whatIf).TryScore(edited) : null;
        scores ??= await Task.Run(() => new BatchScorer(edited, basis.Leads.Batch).Score(basis.AsOf));
        return View(published, edited, scores, publishedScores);
    }

    /// <summary>Builds, in the background, the what-if the next edit of <paramref name="stored"/> will use, so that
    /// even the first edit after opening the workbench is quick.</summary>
    public void Prepare(ScoringBasis basis, ScoringModel stored) => WhatIf(basis, stored);

    /// <summary>After a commit: the stored version is the one its author just saw, so everyone takes that view
    /// instead of scoring it again.</summary>
    public void Share(ScoringBasis basis, DraftView view)
    {
        var key = new ViewKey(basis.Leads.Batch, basis.AsOf, view.Published, view.Draft);
        lock (_gate)
        {
            if (Find(key) is null)
            {
                Keep(key, Task.FromResult(view));
            }
        }
    }

    private static DraftView View(ScoringModel published, ScoringModel draft, BatchScores scores,
        BatchScores publishedScores) =>
        new(published, draft, scores, publishedScores, ModelImpact.Compare(publishedScores, scores));

    /// <summary>A what-if scorer whose model differs from <paramref name="stored"/> in points at most: one kept (or
    /// being built) when there is, else one built now in the background; null when its evidence alone would be more
    /// than all kept ones may hold.</summary>
    private Task<WhatIfScorer>? WhatIf(ScoringBasis basis, ScoringModel stored)
    {
        var cells = (long)basis.Leads.Count * stored.Criteria.Count;
        if (cells > WhatIfCells)
        {
            return null;
        }

        lock (_gate)
        {
            foreach (var (kept, model, scorer) in _whatIfs)
            {
                if (ReferenceEquals(kept.Leads.Batch, basis.Leads.Batch) && kept.AsOf == basis.AsOf && !scorer.IsFaulted
                    && (model.Equals(stored) || (scorer.IsCompletedSuccessfully && scorer.Result.Covers(stored))))
                {
                    return scorer;
                }
            }

            var built = Task.Run(() => new WhatIfScorer(stored, basis.Leads.Batch, basis.AsOf));
            _whatIfs.AddFirst((basis, stored, built));
            while (_whatIfs.Sum(w => (long)w.Basis.Leads.Count * w.Model.Criteria.Count) > WhatIfCells)
            {
                _whatIfs.RemoveLast();
            }

            return built;
        }
    }

    private Task<DraftView>? Find(ViewKey key)
    {
        for (var node = _views.First; node is not null; node = node.Next)
        {
            if (node.Value.Key.Equals(key))
            {
                _views.Remove(node);
                _views.AddFirst(node);
                return node.Value.View;
            }
        }

        return null;
    }

    private void Keep(ViewKey key, Task<DraftView> view)
    {
        _views.AddFirst((key, view));
        while (_views.Count > KeptViews)
        {
            _views.RemoveLast();
        }
    }

    private sealed record ViewKey(LeadBatch Batch, DateTimeOffset AsOf, ScoringModel Published, ScoringModel Draft)
    {
        public bool Equals(ViewKey? other) =>
            other is not null && ReferenceEquals(Batch, other.Batch) && AsOf == other.AsOf
            && Published.Equals(other.Published) && Draft.Equals(other.Draft);

        public override int GetHashCode() => HashCode.Combine(AsOf, Draft);
    }
}
