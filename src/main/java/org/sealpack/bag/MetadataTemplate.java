package org.sealpack.bag;

/** The commented metadata file that `pack --metadata-template` prints. */
public final class MetadataTemplate {
    private MetadataTemplate() {}

    public static final String TEXT =
            String.join(
                    "\n",
                    "# sealpack metadata: one 'Label: value' per line, copied into the bag's bag-info.txt.",
                    "# Lines starting with '#' are comments; a line starting with a space continues the value above.",
                    "# Save as UTF-8. Delete the lines you do not need. Labels may repeat (for example Subject).",
                    "# sealpack adds Bagging-Date, Payload-Oxum, Bag-Size and Bag-Software-Agent itself.",
                    "#",
                    "# Reserved BagIt labels (RFC 8493):",
                    "Source-Organization: ",
                    "# Contact-Name: ",
                    "# Contact-Email: ",
                    "External-Identifier: ",
                    "External-Description: ",
                    "#",
                    "# Labels named after Dublin Core terms:",
                    "Title: ",
                    "Date-Issued: YYYY-MM-DD",
                    "# Event-Date: YYYY-MM-DD",
                    "# Coverage-Spatial: place, region, country",
                    "Language: en",
                    "# Subject: ",
                    "# Relation: ",
                    "");
}
