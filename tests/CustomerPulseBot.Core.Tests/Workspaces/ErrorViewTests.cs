using System.Data.Common;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Tests.Workspaces;

public sealed class ErrorViewTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new SaveUnconfirmedException("sent, no answer"), ErrorView.Unconfirmed },
        { new TimeoutException(), ErrorView.Unconfirmed },
        { new OperationCanceledException(), ErrorView.NotSaved },
        { new TaskCanceledException(), ErrorView.NotSaved },
        { new DatabaseDown(), ErrorView.StoreFailed },
        { new HttpRequestException("the Connector is down"), ErrorView.WentWrong },
        { new InvalidOperationException(), ErrorView.WentWrong },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void ClaimsNothingWasSaved_OnlyWhenThatIsCertain(Exception failure, string apology)
    {
        var view = ErrorView.For(failure, "Exports time out customer:Acme", "0HN7:1");

        Assert.Equal(new ErrorView(apology, "Exports time out customer:Acme", "0HN7:1"), view);
        Assert.Equal(apology == ErrorView.NotSaved || apology == ErrorView.StoreFailed, view.Message.Contains("nothing was saved"));
    }

    private sealed class DatabaseDown() : DbException("connection refused");
}
