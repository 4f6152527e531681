using Microsoft.AspNetCore.Identity;

namespace LeadScoringStudio.Data;

/// <summary>A person who signs in to the studio.</summary>
public sealed class StudioUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
