using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CustomerPulseBot.Web.Tests.Meaning;

/// <summary>
/// The meaning service as a mock with fixed answers, put in place of the app's, so a test chooses what a capture
/// looks like; what the clicks do goes through the app's real store.
/// </summary>
public sealed class MeaningDoubles
{
    public Mock<IMeaning> Meaning { get; } = new();

    public void Register(IServiceCollection services) => services.AddSingleton(Meaning.Object);

    /// <summary>Every capture answered with <paramref name="found"/>.</summary>
    public void AfterEveryCapture(Func<Signal, CaptureMeaning> found) =>
        Meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.IsAny<Signal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Workspace _, Signal s, CancellationToken _) => found(s));
}
