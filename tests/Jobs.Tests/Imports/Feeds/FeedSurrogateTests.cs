using Jobs.Core.Imports.Feeds;
using static Jobs.Tests.Imports.Feeds.FeedTestKit;

namespace Jobs.Tests.Imports.Feeds;

/// <summary>A JSON escape for half a surrogate pair is well-formed JSON but no text; that row alone is refused.</summary>
public class FeedSurrogateTests
{
    [Theory]
    [InlineData("""{"external_id":"j2","title":"焊\ud800工"}""")]
    [InlineData("""{"external_id":"j2","description":"尾部\udfff"}""")]
    [InlineData("""{"external_id":"j2","skills":["电焊","\ud800"]}""")]
    [InlineData("""{"external_id":"j2","\ud800":"未知字段"}""")]
    public void Parse_JsonLineWithUnpairedSurrogate_LineRejectedOthersImported(string brokenLine)
    {
        var text = Jsonl(Row("j1")) + brokenLine + "\n" + Jsonl(Row("j3"));

        var result = Parse(text);

        Assert.Equal(FeedFormat.JsonLines, result.Format);
        Assert.Equal(["j1", "j3"], result.Rows.Select(r => r.ExternalId));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((2, FeedRejection.WholeRecord), (rejection.Line, rejection.Field));
        Assert.Equal("该行含有无效的字符（不成对的代理项），无法读取", rejection.Reason);
    }
}
