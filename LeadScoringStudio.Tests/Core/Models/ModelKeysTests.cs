using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Core.Models;

public class ModelKeysTests
{
    [Theory]
    [InlineData("Starter model", "starter-model")]
    [InlineData("  Enterprise — EMEA 2027! ", "enterprise-emea-2027")]
    [InlineData("Café Société", "cafe-societe")]
    [InlineData("!!!", "model")]
    public void A_key_is_the_name_in_lower_case_letters_digits_and_hyphens(string name, string key) =>
        Assert.Equal(key, ModelKeys.For(name, []));

    [Fact]
    public void A_taken_key_gets_the_next_free_number_and_long_names_are_cut()
    {
        Assert.Equal("smb-3", ModelKeys.For("SMB", ["smb", "smb-2"]));
        Assert.True(ModelKeys.For(new string('x', 300), []).Length <= ModelKeys.MaxLength);
    }
}
