package dev.truss.singletable;

/**
 * The table's global secondary indexes. Both are sparse: only items that carry the index's key
 * attributes appear in them (clips, nothing else), and both project every attribute.
 */
public enum Index {

    /** A creator's clips, highest score first: {@code CREATOR#<id>#CLIPS} / {@code SCORE#<000-100>#<clipId>}. */
    GSI1("GSI1PK", "GSI1SK"),

    /** An asset's clips in timeline order: {@code CREATOR#<id>#ASSET#<assetId>} / {@code AT#<start>#<end>#<clipId>}. */
    GSI2("GSI2PK", "GSI2SK");

    private final String pkAttribute;
    private final String skAttribute;

    Index(String pkAttribute, String skAttribute) {
        this.pkAttribute = pkAttribute;
        this.skAttribute = skAttribute;
    }

    public String indexName() {
        return name();
    }

    public String pkAttribute() {
        return pkAttribute;
    }

    public String skAttribute() {
        return skAttribute;
    }
}
