using System.Text;
using LeadScoringStudio.Core.Import;

namespace LeadScoringStudio.Tests.Core.Import;

public class CsvFileTests
{
    [Fact]
    public void Reads_a_comma_file_with_a_header_quotes_and_line_breaks_inside_quotes()
    {
        var table = Read("id,name,notes\r\n1,Ada,\"likes \"\"pricing\"\", a lot\"\r\n2,Ben,\"two\nlines\"\r\n").Table!;

        Assert.Equal((',', true), (table.Format.Delimiter, table.Format.HasHeader));
        Assert.Equal(["id", "name", "notes"], table.Columns);
        Assert.Equal(["1", "Ada", "likes \"pricing\", a lot"], table.ReadRows().ToList()[0].Cells);
        Assert.Equal("two\nlines", table.ReadRows().ToList()[1].Cells[2]);
        Assert.Equal([2, 3], table.ReadRows().Select(r => r.Line));
    }

    [Fact]
    public void Detects_semicolons_and_windows_latin_text()
    {
        var bytes = Encoding.Latin1.GetBytes("id;name;city\n1;Chloé;Köln\n2;Dev;Zürich\n");

        var table = CsvFile.Read("crm.csv", bytes).Table!;

        Assert.Equal((';', "Köln"), (table.Format.Delimiter, table.ReadRows().ToList()[0].Cells[2]));
        Assert.Equal(Encoding.Latin1, table.Format.Encoding);
    }

    [Fact]
    public void Detects_tabs_and_utf16_with_a_byte_order_mark()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id\tname\n1\tAda\n")).ToArray();

        var table = CsvFile.Read("export.tsv", bytes).Table!;

        Assert.Equal(('\t', "Ada"), (table.Format.Delimiter, table.ReadRows().ToList()[0].Cells[1]));
    }

    [Fact]
    public void A_first_row_of_data_is_not_taken_for_a_header()
    {
        var table = Read("1,Ada,2026-01-02\n2,Ben,2026-01-03\n").Table!;

        Assert.False(table.Format.HasHeader);
        Assert.Equal(["Column 1", "Column 2", "Column 3"], table.Columns);
        Assert.Equal(2, table.ReadRows().Count());
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("   \r\n  \n", "the file is empty")]
    [InlineData("id,name\n", "the file has a header but no data rows")]
    public void Empty_files_are_refused(string text, string reason) =>
        Assert.Equal(reason, Assert.Single(Read(text).Problems).Reason);

    [Fact]
    public void Rows_with_the_wrong_number_of_cells_are_named()
    {
        var table = Read("id,name,size\n1,Ada,10\n2,Ben\n3,Cy,30,extra\n").Table!;

        var (rows, problems) = ReadAll(table);

        Assert.Equal(["row 3: has 2 cells but the header has 3 columns", "row 4: has 4 cells but the header has 3 columns"],
            problems.Select(p => $"row {p.Line}: {p.Reason}"));
        Assert.Single(rows);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_starts()
    {
        var (rows, problems) = ReadAll(Read("id,name\n1,Ada\n2,\"Ben\n3,Cy\n").Table!);

        var problem = Assert.Single(problems);
        Assert.Equal(["1"], rows.Select(r => r.Cells[0]));

        Assert.Equal((3, "has a quote (\") that is never closed, so rows 3 to 4 cannot be read"),
            (problem.Line, problem.Reason));
    }

    [Fact]
    public void Binary_spreadsheet_and_oversized_files_are_refused_with_what_they_are()
    {
        Assert.Contains("binary", Assert.Single(CsvFile.Read("a.csv", [0x00, 0x01, 0x02, 0x41, 0x00]).Problems).Reason);
        Assert.Contains("xlsx", Assert.Single(CsvFile.Read("a.xlsx", [(byte)'P', (byte)'K', 3, 4, 20,
            0]).Problems).Reason);
        Assert.Equal("the file is 2 MB; files up to 1 MB can be imported",
            Assert.Single(CsvFile.Read("big.csv", new byte[2 * 1024 * 1024], maxBytes: 1024 * 1024).Problems).Reason);
    }

    [Fact]
    public void A_value_over_the_limit_leaves_its_row_out_with_the_column_named_and_wide_files_are_refused()
    {
        var (rows, problems) = ReadAll(Read($"id,note\n1,short\n2,{new string('x', 5_000)}\n").Table!);

        Assert.Single(rows);
        Assert.Equal("row 3, column 'note': the value is more than 2,000 characters long",
            $"row {problems.Single().Line}, column '{problems.Single().Column}': {problems.Single().Reason}");
        var wide = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $"c{i}")) + "\n" + string.Join(",",
            Enumerable.Range(0, 1_001));
        Assert.StartsWith("the file has 1,001 columns; at most 1,000", Assert.Single(Read(wide).Problems).Reason);
    }

    [Fact]
    public void A_big_file_is_read_one_row_at_a_time_as_often_as_asked()
    {
        var text = "id,size\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{i % 7}\n"));
        var opened = 0;
        var bytes = Encoding.UTF8.GetBytes(text);
        var table = CsvFile.Open("big.csv", () => { opened++; return new MemoryStream(bytes); }).Table!;
        var before = opened;

        Assert.Equal(50_000, table.ReadRows().Count());
        Assert.Equal(50_000, table.ReadRows().Count());
        Assert.Equal(before + 2, opened);
        Assert.Equal(["0", "1", "2"], table.Preview.Select(r => r.Cells[0]));
    }

    private static CsvReadResult Read(string text) => CsvFile.Read("leads.csv", Encoding.UTF8.GetBytes(text));

    private static (List<CsvRow> Rows, List<ImportProblem> Problems) ReadAll(CsvTable table)
    {
        var problems = new List<ImportProblem>();
        return (table.ReadRows(problems.Add).ToList(), problems);
    }
}
