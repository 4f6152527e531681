using System.Reflection;
using LeadScoringStudio.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Tests.Architecture;

public class PagesRequireSignInTests
{
    private static readonly string[] OpenPages = ["/account/login", "/account/setup", "/not-found", "/Error"];

    private static IEnumerable<Type> Pages => typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any());

    [Fact]
    public void Every_page_but_sign_in_and_the_error_pages_requires_a_signed_in_user()
    {
        Assert.NotEmpty(Pages);
        foreach (var page in Pages)
        {
            var route = page.GetCustomAttribute<RouteAttribute>()!.Template;
            var open = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            Assert.True(open == OpenPages.Contains(route), $"{page.Name} ({route}) is {(open ? "open to anyone" : "behind sign-in")}");
            Assert.True(open || page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(), $"{page.Name} has no [Authorize]");
        }
    }

    [Fact]
    public void The_users_page_is_for_Ops_only()
    {
        var page = Pages.Single(p => p.GetCustomAttribute<RouteAttribute>()!.Template == "/users");

        Assert.Contains(page.GetCustomAttributes<AuthorizeAttribute>(), a => a.Roles == "Ops");
    }

    [Fact]
    public void No_component_touches_the_database_directly()
    {
        var components = typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t));
        var injected = components.SelectMany(c => c.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Select(p => (Component: c.Name, p.PropertyType)));

        Assert.DoesNotContain(injected, i => i.PropertyType == typeof(StudioDbContext) || i.PropertyType == typeof(IDbContextFactory<StudioDbContext>));
    }
}
