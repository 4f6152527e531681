using System.Reflection;
using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Tests.Architecture;

public class CoreIsPureTests
{
    [Fact]
    public void Core_references_no_web_database_or_ui_assembly()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MudBlazor", "Plotly" };
        var references = typeof(ScoringModel).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_web_app_does_reference_what_core_must_not()
    {
        var web = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains(web, name => name.StartsWith("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(web, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
