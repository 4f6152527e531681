using LeadScoringStudio.Features.Account;

namespace LeadScoringStudio.Tests.Web.Account;

public class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/users", "/users")]
    [InlineData("/leads?q=acme", "/leads?q=acme")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/leads?q=Müller", "/leads?q=M%C3%BCller")]
    [InlineData("/leads?q=a b\r\nSet-Cookie:x", "/leads?q=a%20b%0D%0ASet-Cookie:x")]
    public void Only_paths_on_this_site_are_followed(string? requested, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Of(requested));
}
