using LeadScoringStudio.Components;
using LeadScoringStudio.Hosting;

// The content root is the build output, where the repository's appsettings.json is copied, so the
// app reads the same configuration whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddStudioUi();
builder.Services.AddDemoWorkspace(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web app's entry point, visible to tests that host it.</summary>
public partial class Program;
