using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene42;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Util.Packed;

namespace Jobs.Search.Indexing;

/// <summary>
/// The standard codec, but norms are packed with exactly the bits their distinct values need. The standard format rounds
/// them up to a byte per document and field: eleven text fields made 10 MiB of a million-posting index, although a
/// title's length takes a dozen distinct values (4 bits). Scores do not change. The packed width is recorded in the
/// segment, so the standard <c>Lucene46</c> codec reads these segments; hence the shared name, and no codec to register.
/// </summary>
[CodecName("Lucene46")]
internal sealed class CompactNormsCodec() : FilterCodec(new Lucene46Codec())
{
    private readonly NormsFormat _norms = new Lucene42NormsFormat(PackedInt32s.COMPACT);

    public override NormsFormat NormsFormat => _norms;
}
