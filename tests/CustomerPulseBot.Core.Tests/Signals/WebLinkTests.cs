using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Tests.Signals;

public sealed class WebLinkTests
{
    [Theory]
    [InlineData("https://support.example.com/T-9", "support.example.com")]
    [InlineData("http://Support.Example.com:8080/a?b=c", "support.example.com")]
    [InlineData("https://bank.example@evil.example/login", "evil.example")]
    [InlineData("https://аpple.example/", "xn--pple-43d.example")]
    public void NamesTheHostTheLinkLeadsTo(string url, string host)
    {
        Assert.Equal(host, WebLink.Host(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a link")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    public void NamesNoHost_WhenTheTextIsNotAWebAddress(string? url)
    {
        Assert.Null(WebLink.Host(url));
    }

    [Theory]
    [InlineData("the ticket", "https://support.example/T-9", "the ticket (support.example)")]
    [InlineData("https://bank.example", "https://evil.example/", "https://bank.example (evil.example)")]
    [InlineData("support.example", "https://support.example/T-9", "support.example")]
    [InlineData("https://support.example/other", "https://support.example/T-9", "https://support.example/other")]
    [InlineData("  ", "https://support.example/T-9", "")]
    public void KeepsTheLabelWithTheHostBesideIt_UnlessTheLabelNamesTheHost(string label, string url, string text)
    {
        Assert.Equal(text, WebLink.Labelled(label, url));
    }
}
