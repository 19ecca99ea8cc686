namespace CustomerPulseBot.Teams.Tests;

/// <summary>Every sample card passes the official Adaptive Cards JavaScript library, the one the playground renders with.</summary>
public sealed class AdaptiveCardInteropTests(CardValidator validator) : IClassFixture<CardValidator>
{
    [Theory]
    [MemberData(nameof(CardSamples.AllNames), MemberType = typeof(CardSamples))]
    public async Task PassesTheAdaptiveCardsLibrary_WithNoErrorsOrWarnings(string sample)
    {
        var results = await validator.ResultsAsync;

        var problems = results[sample];

        Assert.Empty(problems.Errors);
        Assert.Empty(problems.Warnings);
    }
}
