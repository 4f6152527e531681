using System.Security.Claims;
using LeadScoringStudio.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LeadScoringStudio.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with the antiforgery token the layout's form sends), never a link a page could
    /// trigger; the form field makes the endpoint check the antiforgery token. It rotates the security stamp, so a copy
    /// of the cookie (and every other session of the account) stops working too.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<StudioUser> signIn, ClaimsPrincipal user,
            [FromForm] string? returnUrl) =>
        {
            if (await signIn.UserManager.GetUserAsync(user) is { } account)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(account);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization();
        return endpoints;
    }
}
