using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Segments;

/// <summary>
/// A lead set scored through a routing: each lead's segment and, side by side in lead order, the scores its segment's
/// model gave it. Product scores share columns by product id (<see cref="Products"/>); a product only some segments'
/// models score is 0, and never hot, for the others.
/// </summary>
public sealed class RoutedScores
{
    private readonly Category?[][] _productBySegment;
    private readonly CellAction[][] _actionBySegment;

    internal RoutedScores(RoutedModels routed, byte[] segmentOf, BatchScores scores, IReadOnlyList<Category> products)
    {
        Routed = routed;
        SegmentOf = segmentOf;
        Scores = scores;
        Products = products;
        _productBySegment = [.. routed.Models.Select(m => products
            .Select(p => m.Categories.FirstOrDefault(c => c.Id == p.Id)).ToArray())];
        _actionBySegment = [.. routed.Models.Select(m => Cell.All.OrderBy(c => c.Index).Select(m.ActionFor).ToArray())];
    }

    public RoutedModels Routed { get; }

    /// <summary>Each lead's index into <see cref="SegmentRouting.Segments"/>.</summary>
    public byte[] SegmentOf { get; }

    public BatchScores Scores { get; }

    /// <summary>Every product (category) any segment's model scores, first seen first.</summary>
    public IReadOnlyList<Category> Products { get; }

    public int Count => SegmentOf.Length;

    public Segment SegmentAt(int position) => Routed.Routing.Segments[SegmentOf[position]];

    public ScoringModel ModelAt(int position) => Routed.Models[SegmentOf[position]];

    /// <summary>The lead's action under its own model; disqualified leads have the disqualified action.</summary>
    public CellAction ActionAt(int position) =>
        Scores.IsDisqualified[position]
            ? CellAction.Disqualified
            : _actionBySegment[SegmentOf[position]][Scores.CellIndex[position]];

    public int ProductScore(int position, int product) =>
        Scores.CategoryScores[(position * Scores.CategoryCount) + product];

    /// <summary>Whether the lead reached the watermark its own model sets for the product.</summary>
    public bool IsHot(int position, int product) =>
        _productBySegment[SegmentOf[position]][product] is { } category
        && category.IsHotAt(ProductScore(position, product));

    /// <summary>The products the lead is hot for, in its own model's order, "|" between (as the lifecycle records
    /// them).</summary>
    public string HotProductsOf(int position)
    {
        var model = ModelAt(position);
        var hot = new List<string>();
        for (var product = 0; product < Products.Count; product++)
        {
            if (IsHot(position, product))
            {
                hot.Add(Products[product].Id);
            }
        }

        return string.Join('|', model.Categories.Select(c => c.Id).Where(hot.Contains));
    }

    /// <summary>Each segment's name with how many leads and MQLs it has, in segment order.</summary>
    public IReadOnlyList<SegmentCount> CountBySegment()
    {
        var (leads, mqls) = (new int[Routed.Models.Count], new int[Routed.Models.Count]);
        for (var lead = 0; lead < SegmentOf.Length; lead++)
        {
            leads[SegmentOf[lead]]++;
            mqls[SegmentOf[lead]] += Scores.IsMql[lead] ? 1 : 0;
        }

        return [.. Routed.Routing.Segments.Select((s, i) => new SegmentCount(s.Name, leads[i], mqls[i]))];
    }
}

/// <summary>How many leads, and how many MQLs, a segment has.</summary>
public sealed record SegmentCount(string Segment, int Leads, int Mqls);
