using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadScoringStudio.Features.Models;

/// <summary>
/// Which model the address names (<c>?model=key</c>), and which pages are about one model (the workbench, the
/// presentation, tuning and the SDR team's cool-down): those take the picker's choice and keep it when you move
/// between them. Lead lists are scored through the segment routing instead and filter by segment.
/// </summary>
public static class ModelAddress
{
    public const string Parameter = "model";

    private static readonly string[] ModelPages = ["", "present", "tuning", "team"];

    public static string? KeyOf(NavigationManager navigation) =>
        QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query).TryGetValue(Parameter, out var key)
            ? key.ToString()
            : null;

    public static bool IsModelPage(NavigationManager navigation) =>
        ModelPages.Contains(PathOf(navigation.ToBaseRelativePath(navigation.Uri)));

    public static bool IsModelPage(string href) => ModelPages.Contains(PathOf(href));

    /// <summary>A model page's address with the model named; other addresses unchanged.</summary>
    public static string Keep(string href, string? key) =>
        key is null || !IsModelPage(href) ? href : QueryHelpers.AddQueryString(PathOf(href), Parameter, key);

    private static string PathOf(string relative) => relative.Split('?', '#')[0].TrimEnd('/');
}
