using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Jobs.Search.Analysis;

/// <summary>Which token stream a <see cref="ChineseTokenizer"/> produces; see <see cref="ChineseTextAnalysis"/>.</summary>
internal enum AnalysisMode
{
    Word,
    BigramIndex,
    BigramQuery,
    PinyinIndex,
    PinyinQuery,
}

/// <summary>
/// One tokenizer for all five analyzers. It reads the whole field (fields are at most some 20k characters), folds it
/// into a second buffer of the same length, computes every token up front and then hands them out. Offsets are
/// positions in the folded buffer, which are positions in the original text because folding preserves length.
/// Buffers, the token array and the attribute objects are reused from one field to the next: no allocation per
/// token, except ICU's when a stretch of ideographs meets the word break for the first time on a thread.
/// </summary>
internal sealed class ChineseTokenizer : Tokenizer
{
    private readonly ChineseTextAnalysis _analysis;
    private readonly AnalysisMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IPositionLengthAttribute _positionLength;

    private char[] _original = new char[512];
    private char[] _folded = new char[512];
    private int _length;

    private Token[] _tokens = new Token[128];
    private int _tokenCount;
    private int _nextToken;
    private bool _analyzed;

    // Terms that are not a slice of the folded text (pinyin) are written here.
    private char[] _terms = new char[256];
    private int _termsLength;

    private readonly List<(int Start, int End)> _words = [];
    private readonly List<int> _scratch = [];
    private readonly List<string> _syllables = [];
    private readonly List<string> _fieldSyllables = [];
    private int _fieldHanWords;

    // Word mode only: SmartCn cuts whole ideograph runs, without the dictionary (ChineseSegmenter.SmartCnTitles).
    private readonly bool _wholeRunSmartCn;

    public ChineseTokenizer(ChineseTextAnalysis analysis, AnalysisMode mode, TextReader input, bool wholeRunSmartCn = false)
        : base(input)
    {
        _analysis = analysis;
        _mode = mode;
        _wholeRunSmartCn = wholeRunSmartCn;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _positionLength = AddAttribute<IPositionLengthAttribute>();
    }

    private bool IsPinyin => _mode is AnalysisMode.PinyinIndex or AnalysisMode.PinyinQuery;

    public override bool IncrementToken()
    {
        if (!_analyzed)
        {
            Analyze();
        }

        if (_nextToken >= _tokenCount)
        {
            return false;
        }

        ClearAttributes();
        ref readonly var token = ref _tokens[_nextToken++];
        if (token.TermStart < 0)
        {
            _term.CopyBuffer(_folded, token.Start, token.End - token.Start);
        }
        else
        {
            _term.CopyBuffer(_terms, token.TermStart, token.TermLength);
        }

        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _positionIncrement.PositionIncrement = token.PositionIncrement;
        _positionLength.PositionLength = token.PositionLength;
        return true;
    }

    public override void End()
    {
        base.End();
        if (!_analyzed)
        {
            Analyze();
        }

        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _analyzed = false;
        _length = 0;
        _tokenCount = 0;
        _nextToken = 0;
        _termsLength = 0;
    }

    private void Analyze()
    {
        _analyzed = true;
        ReadInput();
        if (_folded.Length < _length)
        {
            _folded = new char[_original.Length];
        }

        _analysis.Folder.Fold(_original.AsSpan(0, _length), _folded);
        _fieldSyllables.Clear();
        _fieldHanWords = 0;

        ReadOnlySpan<char> text = _folded.AsSpan(0, _length);
        var kind = CharTables.Kind;
        var segmenter = _analysis.Segmenter;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var k = kind[c];
            if (k == CharKind.Han)
            {
                var end = i + 1;
                while (end < text.Length && kind[text[end]] == CharKind.Han)
                {
                    end++;
                }

                AddHanRun(text, i, end);
                i = end;
                continue;
            }

            if (k != CharKind.Other || c == '.')
            {
                var end = segmenter.ScanLatin(text, i, joinApostrophes: IsPinyin);
                if (end > i)
                {
                    AddLatin(text, i, end);
                    i = end;
                    continue;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Ideographs beyond the BMP (rare in job text) stay single tokens; pinyin has no table for them.
                if (!IsPinyin && Rune.IsLetterOrDigit(new Rune(c, text[i + 1])))
                {
                    Add(i, i + 2);
                }

                i += 2;
                continue;
            }

            i++;
        }

        if (_mode == AnalysisMode.PinyinIndex)
        {
            AddWholeFieldPinyin();
        }
    }

    private void AddHanRun(ReadOnlySpan<char> text, int start, int end)
    {
        switch (_mode)
        {
            case AnalysisMode.Word:
                _words.Clear();
                if (_wholeRunSmartCn)
                {
                    _scratch.Clear();
                    SmartCnRuntime.BreakWords(text[start..end], _scratch);
                    WordSegmenter.AddEnds(start, _scratch, _words);
                }
                else
                {
                    _analysis.Segmenter.SegmentHan(text, start, end, fine: false, _words, _scratch);
                }

                foreach (var (s, e) in _words)
                {
                    Add(s, e);
                }

                break;

            case AnalysisMode.BigramIndex:
                // Unigram and the bigram starting at the same character share a position, so bigram phrase queries
                // match consecutive positions and one-character queries still find the character inside longer runs.
                for (var i = start; i < end; i++)
                {
                    Add(i, i + 1);
                    if (i + 1 < end)
                    {
                        Add(i, i + 2, positionIncrement: 0, positionLength: 2);
                    }
                }

                break;

            case AnalysisMode.BigramQuery:
                if (end - start == 1)
                {
                    Add(start, end);
                }

                for (var i = start; i + 1 < end; i++)
                {
                    Add(i, i + 2);
                }

                break;

            default:
                _words.Clear();
                _analysis.Segmenter.SegmentHan(text, start, end, fine: true, _words, _scratch);
                foreach (var (s, e) in _words)
                {
                    _syllables.Clear();
                    _analysis.Pinyin.AppendSyllables(text[s..e], _syllables);
                    if (_syllables.Count == 0)
                    {
                        continue;
                    }

                    var termStart = _termsLength;
                    foreach (var syllable in _syllables)
                    {
                        AppendTerm(syllable);
                    }

                    AddGenerated(s, e, termStart);
                    _fieldSyllables.AddRange(_syllables);
                    _fieldHanWords++;
                }

                break;
        }
    }

    private void AddLatin(ReadOnlySpan<char> text, int start, int end)
    {
        var token = text[start..end];
        if (!IsPinyin || token.IndexOfAny('\'', '’') < 0)
        {
            Add(start, end);
            return;
        }

        // Pinyin spellings drop the syllable apostrophe: Ma'anshan and maanshan are the same token.
        var termStart = _termsLength;
        foreach (var c in token)
        {
            if (c is not ('\'' or '’'))
            {
                AppendTerm(c);
            }
        }

        AddGenerated(start, end, termStart);
    }

    /// <summary>
    /// The whole field's pinyin run together (软件工程师 → ruanjiangongchengshi) and its initials (rjgcs), placed
    /// first so offsets never go backwards, spanning every token of the field.
    /// </summary>
    private void AddWholeFieldPinyin()
    {
        if (_fieldSyllables.Count < 2)
        {
            return;
        }

        var start = _tokens[0].Start;
        var end = 0;
        for (var i = 0; i < _tokenCount; i++)
        {
            end = Math.Max(end, _tokens[i].End);
        }

        var count = _fieldHanWords > 1 ? 2 : 1;
        EnsureTokenCapacity(_tokenCount + count);
        Array.Copy(_tokens, 0, _tokens, count, _tokenCount);
        _tokenCount += count;

        if (count == 2)
        {
            var fullStart = _termsLength;
            foreach (var syllable in _fieldSyllables)
            {
                AppendTerm(syllable);
            }

            _tokens[0] = new Token(start, end, fullStart, _termsLength - fullStart, 1, 1);
        }

        var initialsStart = _termsLength;
        foreach (var syllable in _fieldSyllables)
        {
            AppendTerm(syllable[0]);
        }

        // The initials share the position of the full pinyin: both stand for the whole field.
        _tokens[count - 1] = new Token(start, end, initialsStart, _termsLength - initialsStart, count == 2 ? 0 : 1, 1);
    }

    private void ReadInput()
    {
        _length = 0;
        while (true)
        {
            if (_length == _original.Length)
            {
                Array.Resize(ref _original, _original.Length * 2);
            }

            var read = m_input.Read(_original, _length, _original.Length - _length);
            if (read <= 0)
            {
                return;
            }

            _length += read;
        }
    }

    private void Add(int start, int end, int positionIncrement = 1, int positionLength = 1)
    {
        EnsureTokenCapacity(_tokenCount + 1);
        _tokens[_tokenCount++] = new Token(start, end, -1, 0, positionIncrement, positionLength);
    }

    private void AddGenerated(int start, int end, int termStart)
    {
        EnsureTokenCapacity(_tokenCount + 1);
        _tokens[_tokenCount++] = new Token(start, end, termStart, _termsLength - termStart, 1, 1);
    }

    private void AppendTerm(string s)
    {
        EnsureTermCapacity(s.Length);
        s.CopyTo(0, _terms, _termsLength, s.Length);
        _termsLength += s.Length;
    }

    private void AppendTerm(char c)
    {
        EnsureTermCapacity(1);
        _terms[_termsLength++] = c;
    }

    private void EnsureTermCapacity(int extra)
    {
        if (_termsLength + extra > _terms.Length)
        {
            Array.Resize(ref _terms, Math.Max(_terms.Length * 2, _termsLength + extra));
        }
    }

    private void EnsureTokenCapacity(int count)
    {
        if (count > _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, count));
        }
    }

    /// <summary>A token to emit: offsets into the original text, and its term either there (TermStart -1) or in _terms.</summary>
    private readonly record struct Token(int Start, int End, int TermStart, int TermLength, int PositionIncrement, int PositionLength);
}
