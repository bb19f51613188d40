namespace Jobs.Search.Querying;

/// <summary>
/// Words that carry only the wish to find work (我想找一份工作, 有没有招聘…的岗位): a worker typing into a phone writes them
/// around the job, and requiring them would ask every posting to say 找 or 岗位. The posting search drops them from the
/// words that must match and reports them as ignored.
/// </summary>
public static class IntentWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "找", "想", "想找", "想要", "想做", "想进", "找个", "找份", "寻找", "求", "求职", "应聘", "招", "招聘", "急招", "诚聘", "聘",
        "工作", "岗位", "职位", "職位", "職缺", "工作岗位", "活", "活儿", "事", "事情", "一份", "一个", "个", "份", "份工",
        "我", "我想", "我要", "本人", "要", "需要", "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "请问", "帮我", "帮忙", "推荐",
        "最好", "有没有", "有没", "有", "没有", "是否", "哪里", "哪儿", "哪", "哪些", "有哪些", "什么", "啥", "怎么", "可以", "能",
        "能够", "会", "在", "去", "到", "做", "干", "进", "附近", "周边", "这边", "那边", "本地", "还有", "也", "都", "和", "与", "或",
        "或者", "及", "以及", "好", "好的", "一点", "一下", "看看", "相关", "之类", "之类的", "类", "方面", "合适", "适合", "谢谢",
        "急", "急需", "人", "点", "些", "就", "行", "些许", "比较", "一些", "靠谱", "正规",
    };

    public static bool IsIntent(string word) => Words.Contains(word);
}
