using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class GrowingColumnTests
{
    [Fact]
    public void Values_added_and_set_across_blocks_come_back_in_place_with_unwritten_positions_as_zero()
    {
        var column = new GrowingColumn<long>();
        var expected = new long[700_000];
        for (var i = 0; i < 600_000; i++)
        {
            column.Add(3L * i);
            expected[i] = 3L * i;
        }

        foreach (var position in new[] { 5, 262_143, 262_144, 599_999, 650_001 })
        {
            column.Set(position, -position);
            expected[position] = -position;
        }

        Assert.Equal(650_002, column.Count);
        Assert.Equal(expected, column.ToArray(expected.Length));
    }

    [Fact]
    public void A_range_added_straddles_a_block_boundary()
    {
        var column = new GrowingColumn<int>();
        for (var i = 0; i < 262_140; i++)
        {
            column.Add(1);
        }

        column.AddRange([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);

        Assert.Equal(262_150, column.Count);
        Assert.Equal([1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], column.ToArray(column.Count)[^11..]);
    }

    [Fact]
    public void A_range_longer_than_a_block_fills_every_block_it_reaches()
    {
        var column = new GrowingColumn<int>();
        column.AddRange([-1, -2, -3]);
        var range = Enumerable.Range(0, 600_000).ToArray();

        column.AddRange(range);

        Assert.Equal([-1, -2, -3, .. range], column.ToArray(column.Count));
    }
}
