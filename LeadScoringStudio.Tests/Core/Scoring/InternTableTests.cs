using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Tests.Core.Scoring;

public class InternTableTests
{
    [Fact]
    public void Whole_numbers_each_get_their_own_number_and_keep_it_as_the_table_grows()
    {
        // Whole numbers stored as doubles have hashes whose low bits are all 0, as company sizes and revenues do.
        var table = new InternTable<double>();
        var keys = Enumerable.Range(0, 20_000).Select(i => 1000.0 * i).ToArray();

        var first = keys.Select((key, i) => table.IdOf(key, i + 1)).ToArray();
        var again = keys.Select(key => table.IdOf(key, -1)).ToArray();

        Assert.All(first, id => Assert.Equal(0, id));
        Assert.Equal(Enumerable.Range(1, keys.Length), again);
        Assert.Equal(keys.Length, table.Count);
    }

    [Fact]
    public void Numbers_are_the_same_key_as_a_dictionary_of_numbers_holds_them()
    {
        var table = new InternTable<double>();
        var dictionary = new Dictionary<double, int>();
        double[] keys = [0.0, -0.0, double.NaN, -double.NaN, 1.5, 1.5000000000000002, double.PositiveInfinity];

        var ids = keys.Select((key, i) => table.IdOf(key, i + 1) is var id and not 0 ? id : i + 1).ToArray();
        var expected = keys.Select((key, i) => dictionary.TryAdd(key, i + 1) ? i + 1 : dictionary[key]).ToArray();

        Assert.Equal(expected, ids);
        Assert.Equal([1, 1, 3, 3, 5, 6, 7], ids);
    }

    [Fact]
    public void Text_is_told_apart_by_every_character_and_its_case_and_found_again_in_a_new_string()
    {
        var table = new InternTable<string>();
        string[] keys = ["a@x.com", "A@x.com", "a@x.co", "a@x.com "];

        var first = keys.Select((key, i) => table.IdOf(key, i + 1)).ToArray();
        var again = table.IdOf(new string("a@x.com".ToCharArray()), 99);

        Assert.Equal([0, 0, 0, 0], first);
        Assert.Equal(1, again);
    }
}
