namespace Jobs.Core.Demo;

/// <summary>
/// Turns Simplified demo text into the Traditional a Taiwan or Hong Kong recruiter would write: regional vocabulary
/// first (软件 is 軟體 there, not 軟件), then ICU's Hans-Hant transliterator for the characters.
/// Not thread-safe: an ICU transliterator must not be used by two threads at once, so each instance owns one.
/// </summary>
internal sealed class TraditionalChineseConverter : IDisposable
{
    // Character conversion alone would give mainland terms in Traditional script; these are the words a
    // Traditional-script reader would actually use. Applied longest first so 数据库 wins over 数据.
    private static readonly (string Simplified, string Traditional)[] RegionalWords =
    [
        ("软件", "軟體"), ("硬件", "硬體"), ("程序员", "程式設計師"), ("程序", "程式"), ("网络", "網路"),
        ("服务器", "伺服器"), ("信息", "資訊"), ("数据库", "資料庫"), ("大数据", "大數據"), ("数据", "資料"),
        ("打印机", "印表機"), ("运维", "維運"), ("短视频", "短影音"), ("视频", "影片"), ("内存", "記憶體"),
        ("默认", "預設"), ("项目", "專案"), ("质量", "品質"), ("质检", "品檢"), ("屏幕", "螢幕"), ("算法", "演算法"),
        ("源代码", "原始碼"), ("代码", "程式碼"), ("互联网", "網際網路"), ("在线", "線上"), ("硬盘", "硬碟"),
        ("芯片", "晶片"), ("人工智能", "人工智慧"), ("智能", "智慧"), ("集成电路", "積體電路"), ("激光", "雷射"),
        ("鼠标", "滑鼠"), ("登录", "登入"), ("博客", "部落格"), ("短信", "簡訊"), ("叉车", "堆高機"),
        ("出租车", "計程車"), ("运营", "營運"), ("营销", "行銷"), ("分辨率", "解析度"), ("移动端", "行動端"),
        ("计算机", "電腦"), ("云计算", "雲端運算"), ("数字化", "數位化"), ("数字媒体", "數位媒體"), ("仿真", "模擬"),
        ("多线程", "多執行緒"), ("线程", "執行緒"), ("实时", "即時"), ("用户", "使用者"), ("渠道", "通路"),
        ("技术支持", "技術支援"), ("操作系统", "作業系統"), ("社交媒体", "社群媒體"), ("U盘", "隨身碟"),
        ("光盘", "光碟"), ("高清", "高畫質"), ("字节", "位元組"), ("接口", "介面"),
    ];

    private static readonly (string Simplified, string Traditional)[] RegionalWordsLongestFirst =
        RegionalWords.OrderByDescending(w => w.Simplified.Length).ToArray();

    // Demo text is assembled from a few thousand fixed sentences, so memoising makes ICU's per-call cost vanish.
    private const int CacheLimit = 100_000;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private Icu.Transliterator? _transliterator;
    private bool _unavailable;

    /// <summary>False when the ICU native library cannot be loaded; <see cref="Convert"/> then returns its input.</summary>
    public bool IsAvailable => EnsureTransliterator() is not null;

    public string Convert(string simplified)
    {
        if (simplified.Length == 0)
        {
            return simplified;
        }

        if (_cache.TryGetValue(simplified, out var cached))
        {
            return cached;
        }

        var transliterator = EnsureTransliterator();
        if (transliterator is null)
        {
            // Half-converted text (regional words only) would look broken; leave it Simplified instead.
            return simplified;
        }

        var text = simplified;
        foreach (var (s, t) in RegionalWordsLongestFirst)
        {
            text = text.Replace(s, t, StringComparison.Ordinal);
        }

        var result = transliterator.Transliterate(text);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[simplified] = result;
        return result;
    }

    public void Dispose()
    {
        _transliterator?.Dispose();
        _transliterator = null;
    }

    private Icu.Transliterator? EnsureTransliterator()
    {
        if (_transliterator is not null || _unavailable)
        {
            return _transliterator;
        }

        try
        {
            if (Common.IcuNative.IsAvailable)
            {
                _transliterator = Icu.Transliterator.CreateInstance("Hans-Hant");
            }
        }
        catch (Exception)
        {
            // An ICU build without the Hans-Hant transform (or without ICU) only costs the Traditional postings.
            _transliterator = null;
        }

        _unavailable = _transliterator is null;
        return _transliterator;
    }
}
