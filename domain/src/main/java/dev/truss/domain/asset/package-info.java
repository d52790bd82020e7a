/**
 * Assets: uploaded videos, their lifecycle (awaiting upload → uploaded → analysing → analysed |
 * failed), what probing found, and what the analysis wrote besides clips: chapters, the detector
 * that ran with its notes and model usage ({@link dev.truss.domain.asset.Analysis}), and the timed
 * transcript burned-in captions are made from ({@link dev.truss.domain.asset.Transcript}).
 */
package dev.truss.domain.asset;
