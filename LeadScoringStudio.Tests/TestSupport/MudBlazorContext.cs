using Bunit;
using MudBlazor.Services;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>The one bUnit + MudBlazor setup the component tests share; disposed asynchronously as MudBlazor 9 needs.</summary>
public abstract class MudBlazorContext : BunitContext, IAsyncLifetime
{
    protected MudBlazorContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
