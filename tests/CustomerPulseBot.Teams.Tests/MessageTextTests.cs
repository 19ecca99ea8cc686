namespace CustomerPulseBot.Teams.Tests;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("<div><p>Exports are slow</p></div>", "Exports are slow")]
    [InlineData("<p>line one</p><p>line two</p>", "line one\nline two")]
    [InlineData("a<br>b<br/>c", "a\nb\nc")]
    [InlineData("<at id=\"0\">Bo Chen</at> said &quot;it&#39;s slow&quot; &amp; broken", "Bo Chen said \"it's slow\" & broken")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>")]
    [InlineData("non&nbsp;breaking", "non breaking")]
    [InlineData("<p>one</p><p></p><p></p><p>two</p>", "one\n\ntwo")]
    public void KeepsTheWords_WhenTheMessageBodyIsHtml(string html, string expected)
    {
        var text = MessageText.FromHtml(html);

        Assert.Equal(expected, text);
    }
}
