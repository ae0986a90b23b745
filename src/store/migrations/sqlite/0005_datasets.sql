-- Datasets and documents the agents answer from (issue 6). One row per ingested file; the data
-- rows point at it, so re-ingesting a file replaces exactly its rows.
CREATE TABLE IF NOT EXISTS fastapi_dataset_sources (
    id INTEGER NOT NULL,
    kind VARCHAR(40) NOT NULL,
    name VARCHAR(255) NOT NULL,
    layout VARCHAR(20) NOT NULL,
    is_sample BOOLEAN NOT NULL DEFAULT 0,
    rows_read INTEGER NOT NULL DEFAULT 0,
    rows_stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    ingested_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (kind, name)
);
CREATE TABLE IF NOT EXISTS fastapi_market_data (
    id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    territory VARCHAR(100) NOT NULL,
    year INTEGER NOT NULL,
    scenario VARCHAR(40) NOT NULL,
    connection VARCHAR(20) NOT NULL,
    type VARCHAR(20) NOT NULL,
    capacity_mw DOUBLE PRECISION NOT NULL,
    ac_dc VARCHAR(10),
    status VARCHAR(20),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_market_data_key
    ON fastapi_market_data (source_id, territory, year, scenario, connection, type);
CREATE INDEX IF NOT EXISTS ix_fastapi_market_data_lookup
    ON fastapi_market_data (territory, type, connection, scenario, year);
CREATE TABLE IF NOT EXISTS fastapi_price_data (
    id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    item VARCHAR(60) NOT NULL,
    description VARCHAR(200) NOT NULL,
    date DATE NOT NULL,
    frequency VARCHAR(20) NOT NULL,
    base_price DOUBLE PRECISION NOT NULL,
    unit VARCHAR(30) NOT NULL,
    region VARCHAR(60) NOT NULL,
    origin VARCHAR(300),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_price_data_lookup
    ON fastapi_price_data (item, region, description, date);
CREATE INDEX IF NOT EXISTS ix_fastapi_price_data_source ON fastapi_price_data (source_id);
CREATE TABLE IF NOT EXISTS fastapi_financial_data (
    id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    company VARCHAR(200) NOT NULL,
    period VARCHAR(20) NOT NULL,
    period_kind VARCHAR(2) NOT NULL,
    period_start DATE NOT NULL,
    metric VARCHAR(100) NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit VARCHAR(30) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_financial_data_lookup
    ON fastapi_financial_data (company, metric, period_start);
CREATE INDEX IF NOT EXISTS ix_fastapi_financial_data_source ON fastapi_financial_data (source_id);
CREATE TABLE IF NOT EXISTS fastapi_document_passages (
    id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    collection VARCHAR(60) NOT NULL,
    doc_no INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    title VARCHAR(500) NOT NULL,
    url VARCHAR(1000),
    published_at DATE,
    body TEXT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_document_passages_source ON fastapi_document_passages (source_id);
CREATE INDEX IF NOT EXISTS ix_fastapi_document_passages_collection ON fastapi_document_passages (collection, published_at);
-- Full-text index of the passages (rowid = passage id), English stemming.
CREATE VIRTUAL TABLE IF NOT EXISTS fastapi_passages_fts
    USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
