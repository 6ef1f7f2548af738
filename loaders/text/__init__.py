"""Reading running text in layers: cleanup and segments, sentences, mentions, activities, roles and relations."""
